package io.mailsync.operator.deadletters;

import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.RecordCoordinates;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/**
 * {@code ./mailsync dead-letters list|show|redrive}: what an operator does with dead letters.
 *
 * <pre>
 * list [TOPIC...]                               every letter (default: every dead-letter topic)
 * show TOPIC OFFSET [--partition N]             one letter's headers and value
 * redrive TOPIC [--through OFFSET] [--partition N]
 *                                               republish the letters not yet redriven
 * --bootstrap-servers HOST:PORT                 default $MAILSYNC_KAFKA_BOOTSTRAP_SERVERS or
 *                                               127.0.0.1:9092 (./mailsync up)
 * </pre>
 *
 * TOPIC is a dead-letter topic ({@code sender.dlq}) or the consumer group that owns it ({@code
 * sender}).
 */
public final class DeadLetterCli {

  private static final String USAGE =
      """
      usage: mailsync dead-letters list [TOPIC...]
             mailsync dead-letters show TOPIC OFFSET [--partition N]
             mailsync dead-letters redrive TOPIC [--through OFFSET] [--partition N]
      options: --bootstrap-servers HOST:PORT (default $MAILSYNC_KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
      TOPIC: a dead-letter topic (%s) or its consumer group
      """
          .formatted(String.join(", ", deadLetterTopics()));

  private final PrintStream out;
  private final PrintStream err;

  DeadLetterCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new DeadLetterCli(System.out, System.err).run(args));
  }

  /** Runs one command; returns the exit status: 0 done, 1 failed, 2 not understood. */
  int run(String... args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, System.getenv("MAILSYNC_KAFKA_BOOTSTRAP_SERVERS"));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try (DeadLetterQueues queues = new DeadLetterQueues(arguments.bootstrapServers())) {
      return switch (arguments.command()) {
        case "list" -> list(queues, arguments);
        case "show" -> show(queues, arguments);
        default -> redrive(queues, arguments);
      };
    } catch (RuntimeException e) {
      err.println(
          "dead-letters "
              + arguments.command()
              + " failed (broker "
              + arguments.bootstrapServers()
              + "): "
              + e.getMessage());
      return 1;
    }
  }

  private int list(DeadLetterQueues queues, Arguments arguments) {
    List<String> topics = arguments.topics().isEmpty() ? deadLetterTopics() : arguments.topics();
    List<Letter> letters = new ArrayList<>();
    for (String topic : topics) {
      letters.addAll(queues.list(topic));
    }
    out.println(
        String.join(
            "\t", "TOPIC", "PARTITION", "OFFSET", "TIME", "SOURCE", "STATUS", "KEY", "REASON"));
    for (Letter letter : letters) {
      out.println(
          String.join(
              "\t",
              letter.topic(),
              Integer.toString(letter.partition()),
              Long.toString(letter.offset()),
              letter.time().toString(),
              letter.source().map(RecordCoordinates::toString).orElse("-"),
              letter.done() ? "done" : "pending",
              oneLine(printable(letter.record().key())),
              oneLine(letter.reason())));
    }
    return 0;
  }

  private int show(DeadLetterQueues queues, Arguments arguments) {
    String topic = arguments.topics().getFirst();
    Optional<Letter> found = queues.find(topic, arguments.partition(), arguments.offset());
    if (found.isEmpty()) {
      err.println(
          "no dead letter at "
              + new RecordCoordinates(topic, arguments.partition(), arguments.offset()));
      return 1;
    }
    Letter letter = found.get();
    out.println("letter:  " + letter.coordinates());
    out.println("time:    " + letter.time());
    out.println("source:  " + letter.source().map(RecordCoordinates::toString).orElse("-"));
    out.println("status:  " + (letter.done() ? "done" : "pending"));
    out.println("reason:  " + letter.reason());
    out.println("key:     " + printable(letter.record().key()));
    out.println("headers:");
    for (Header header : letter.headers()) {
      out.println("  " + header.key() + ": " + printable(header.value()));
    }
    out.println("value:");
    out.println(printable(letter.record().value()));
    return 0;
  }

  private int redrive(DeadLetterQueues queues, Arguments arguments) {
    String topic = arguments.topics().getFirst();
    DeadLetterQueues.RedriveReport report =
        queues.redrive(topic, arguments.partition(), arguments.through(), out::println);
    if (report.redriven == 0 && report.skipped == 0) {
      out.println("nothing to redrive on " + topic + "-" + arguments.partition());
    } else {
      out.println("redriven: " + report.redriven + ", skipped: " + report.skipped);
    }
    return 0;
  }

  private static List<String> deadLetterTopics() {
    return Topics.Declared.DEAD_LETTERS.stream().map(TopicDeclaration::name).toList();
  }

  /** UTF-8 text as it is; anything else as base64, so no byte is lost or garbles the terminal. */
  private static String printable(byte[] bytes) {
    if (bytes == null) {
      return "(null)";
    }
    return ContractDecoder.text(bytes)
        .filter(
            text ->
                text.chars()
                    .noneMatch(
                        c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r'))
        .orElseGet(() -> "base64:" + Base64.getEncoder().encodeToString(bytes));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** A parsed command line. */
  record Arguments(
      String command,
      List<String> topics,
      int partition,
      long offset,
      Optional<Long> through,
      String bootstrapServers) {

    static Arguments parse(String[] args, String bootstrapFromEnvironment) {
      if (args.length == 0) {
        throw new IllegalArgumentException("no command given");
      }
      String command = args[0];
      if (!List.of("list", "show", "redrive").contains(command)) {
        throw new IllegalArgumentException("unknown command " + command);
      }
      List<String> positional = new ArrayList<>();
      int partition = 0;
      Optional<Long> through = Optional.empty();
      String bootstrap =
          bootstrapFromEnvironment == null || bootstrapFromEnvironment.isBlank()
              ? "127.0.0.1:9092"
              : bootstrapFromEnvironment;
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--partition" ->
              partition = (int) number(value(args, ++i, "--partition"), "--partition");
          case "--through" ->
              through = Optional.of(number(value(args, ++i, "--through"), "--through"));
          case "--bootstrap-servers" -> bootstrap = value(args, ++i, "--bootstrap-servers");
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            positional.add(args[i]);
          }
        }
      }
      List<String> topics = new ArrayList<>();
      long offset = -1;
      switch (command) {
        case "list" -> positional.forEach(name -> topics.add(topic(name)));
        case "show" -> {
          if (positional.size() != 2) {
            throw new IllegalArgumentException("show needs a TOPIC and an OFFSET");
          }
          topics.add(topic(positional.get(0)));
          offset = number(positional.get(1), "OFFSET");
        }
        default -> {
          if (positional.size() != 1) {
            throw new IllegalArgumentException("redrive needs one TOPIC");
          }
          topics.add(topic(positional.get(0)));
        }
      }
      if (!"redrive".equals(command) && through.isPresent()) {
        throw new IllegalArgumentException("--through is for redrive");
      }
      return new Arguments(command, List.copyOf(topics), partition, offset, through, bootstrap);
    }

    /** Only declared dead-letter topics: redriving from any other topic would be a mistake. */
    private static String topic(String name) {
      String topic = Topics.CONSUMER_GROUPS.contains(name) ? Topics.deadLetter(name) : name;
      if (!deadLetterTopics().contains(topic)) {
        throw new IllegalArgumentException(name + " is not a dead-letter topic");
      }
      return topic;
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static long number(String text, String what) {
      try {
        long value = Long.parseLong(text);
        if (value < 0) {
          throw new NumberFormatException();
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(what + " must be a number of 0 or more, not " + text);
      }
    }
  }
}
