package io.mailsync.e2e.stack;

import io.mailsync.testkit.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** One Mailsync service run as its own JVM from its runnable jar, with its settings as env. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logFile;
  private final Integer httpPort;
  private ChildProcess process;

  ServiceProcess(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path logFile,
      Integer httpPort) {
    this.name = name;
    this.command = command;
    this.environment = environment;
    this.logFile = logFile;
    this.httpPort = httpPort;
  }

  static List<String> javaJar(Path jar, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  void start() throws IOException {
    process = ChildProcess.start(name, command, environment, logFile, null);
  }

  /**
   * Waits for /q/health/ready to answer 200, failing with the log's tail if the process exits first
   * (and stopping it when the timeout passes).
   */
  void awaitReady(Duration timeout) {
    URI ready = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
    process.awaitCondition(
        "ready",
        timeout,
        () ->
            HTTP.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200);
  }

  /** Waits until {@code condition} holds, failing if the process exits first. */
  void awaitCondition(String what, Duration timeout, Callable<Boolean> condition) {
    process.awaitCondition(what, timeout, condition);
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }
}
