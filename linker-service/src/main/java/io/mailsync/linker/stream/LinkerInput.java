package io.mailsync.linker.stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.linker.directory.DirectoryChange;

/**
 * What the link processor consumes, keyed by tenant so that a tenant's messages and directory meet
 * in one task: a fetched message or a directory change.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "input")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LinkerInput.MessageInput.class, name = "MESSAGE"),
  @JsonSubTypes.Type(value = LinkerInput.DirectoryInput.class, name = "DIRECTORY")
})
sealed interface LinkerInput {

  String tenantId();

  record MessageInput(MessageFetched message) implements LinkerInput {

    @Override
    public String tenantId() {
      return message.tenantId();
    }
  }

  record DirectoryInput(DirectoryChange change) implements LinkerInput {

    @Override
    public String tenantId() {
      return change.tenantId();
    }
  }
}
