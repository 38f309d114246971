package io.mailsync.contracts.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.EventJson;
import org.junit.jupiter.api.Test;

class MailServerTest {

  @Test
  void settingsThatNameNoSecurityMeanAPlainConnection() throws Exception {
    assertThat(new MailServer("imap.crm.test", 143, null, false).security())
        .isEqualTo(MailServer.Security.NONE);
    assertThat(
            EventJson.mapper()
                .readValue("{\"host\":\"imap.crm.test\",\"port\":143}", MailServer.class)
                .security())
        .isEqualTo(MailServer.Security.NONE);
    assertThat(new MailServer("imap.crm.test", 993, MailServer.Security.SSL, false).security())
        .isEqualTo(MailServer.Security.SSL);
  }
}
