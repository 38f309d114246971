package io.mailsync.testkit.kafka;

import java.util.Arrays;

/**
 * Main class of the broker child JVM: runs {@code kafka.Kafka} and exits when the test JVM that
 * started it is gone, so a killed test run never leaves a broker behind.
 *
 * <p>Arguments: the parent's pid, then Kafka's own arguments.
 */
public final class BrokerLauncher {

  public static void main(String[] args) throws Exception {
    long parentPid = Long.parseLong(args[0]);
    Thread watchdog =
        new Thread(
            () -> {
              ProcessHandle.of(parentPid).ifPresent(p -> p.onExit().join());
              System.err.println("[testkit] parent " + parentPid + " is gone; stopping broker");
              Runtime.getRuntime().halt(3);
            },
            "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Class.forName("kafka.Kafka")
        .getMethod("main", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }

  private BrokerLauncher() {}
}
