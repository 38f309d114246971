package io.mailsync.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A server the testkit runs as a child process: its output goes to a log file, it is ready when a
 * given line appears (or a port accepts connections), and it is stopped on {@link #close()} or when
 * the test JVM exits.
 */
public final class ChildProcess implements AutoCloseable {

  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path logFile;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Deque<String> tail = new ArrayDeque<>();
  private final Thread shutdownHook;

  private ChildProcess(String name, Process process, Path logFile, String readyLine) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    Thread pump = new Thread(() -> pump(readyLine), name + "-output");
    pump.setDaemon(true);
    pump.start();
    this.shutdownHook = new Thread(this::stop, name + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code command}; its stdout and stderr go to {@code logFile}. When {@code readyLine} is
   * not null, {@link #awaitReadyLine} waits for a line containing it.
   */
  public static ChildProcess start(
      String name, List<String> command, Path logFile, String readyLine) throws IOException {
    return start(name, command, Map.of(), logFile, readyLine);
  }

  /** As {@link #start(String, List, Path, String)}, with extra environment variables. */
  public static ChildProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path logFile,
      String readyLine)
      throws IOException {
    Files.createDirectories(logFile.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().putAll(environment);
    return new ChildProcess(name, builder.start(), logFile, readyLine);
  }

  public void awaitReadyLine(Duration timeout) {
    awaitStarted("not ready within " + timeout, timeout, () -> ready.getCount() == 0);
  }

  public void awaitPort(String host, int port, Duration timeout) {
    awaitStarted(
        "did not listen on " + host + ":" + port + " within " + timeout,
        timeout,
        () -> accepts(host, port));
  }

  /** Waits for the process to exit by itself; false when it still runs after the timeout. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Fails with the log's tail when the process dies first, or stops it when the timeout passes. */
  private void awaitStarted(String timeoutProblem, Duration timeout, Callable<Boolean> started) {
    try {
      Awaitility.await(name + " start")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> started.call() || failIfExited());
    } catch (ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException(
          name + " " + timeoutProblem + "; log " + logFile + ":\n" + tail());
    }
  }

  private boolean failIfExited() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name
              + " exited with code "
              + process.exitValue()
              + " before it was ready; log "
              + logFile
              + ":\n"
              + tail());
    }
    return false;
  }

  private static boolean accepts(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /**
   * Waits until {@code condition} holds, failing with the log's tail if the process exits first or
   * the deadline passes (then the process is stopped).
   */
  public void awaitCondition(String what, Duration timeout, Callable<Boolean> condition) {
    awaitStarted(
        "not " + what + " within " + timeout,
        timeout,
        () -> {
          try {
            return Boolean.TRUE.equals(condition.call());
          } catch (Exception notYet) {
            return false; // e.g. a server not answering yet; asked again until the deadline
          }
        });
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  /** Asks the process to stop (SIGTERM), and kills it if it has not stopped in 15 seconds. */
  public void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
  }

  /** Freezes the process (SIGSTOP): it keeps its connections but does nothing until resumed. */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a paused process go on (SIGCONT). */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("could not send SIG" + name + " to " + this.name);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmAlreadyExiting) {
      // the hook is running or has run; nothing to remove
    }
  }

  private void pump(String readyLine) {
    try (BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var log =
            Files.newBufferedWriter(
                logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.write(line);
        log.newLine();
        log.flush();
        remember(line);
        if (readyLine != null && line.contains(readyLine)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      remember("[testkit] output of " + name + " unreadable: " + e);
    }
  }

  private synchronized void remember(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  private synchronized String tail() {
    return String.join("\n", tail);
  }

  /** A TCP port that was free a moment ago on 127.0.0.1. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
