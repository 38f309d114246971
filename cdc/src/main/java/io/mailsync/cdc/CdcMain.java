package io.mailsync.cdc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cdc process: {@code java -jar cdc.jar [key=value ...]}. Runs until SIGTERM/Ctrl-C, then stops
 * the engine, which flushes its offsets.
 */
public final class CdcMain {

  private static final Logger LOG = LoggerFactory.getLogger(CdcMain.class);

  public static void main(String[] args) throws Exception {
    CdcSettings settings = CdcSettings.load(System.getenv(), args);
    LOG.info("cdc settings:\n{}", settings);
    ChangeCapture capture = new ChangeCapture(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    capture.close();
                  } catch (Exception e) {
                    LOG.warn("cdc did not stop cleanly", e);
                  }
                },
                "cdc-stop"));
    capture.start();
    try {
      capture.stopped().join();
      LOG.info("cdc engine stopped");
    } catch (Exception e) {
      LOG.error("cdc engine failed", e);
      System.exit(1);
    }
  }

  private CdcMain() {}
}
