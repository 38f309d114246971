package io.mailsync.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a JSON Schema with the one last released and lists every change that is not additive.
 *
 * <p>Records written under the released schema stay on topics (replays, consumers that lag), and
 * consumers built against it keep reading new records. The only change both sides survive is a new
 * optional property: old records lack it, and old consumers ignore it ({@link EventJson} does not
 * fail on unknown properties). Everything else breaks one side, so everything else is reported: a
 * removed or renamed property, a changed type, a property that became required or stopped being
 * required, a removed or added enum value (Jackson refuses values it does not know), and any
 * changed constraint ({@code pattern}, {@code format}, {@code minLength}, {@code
 * additionalProperties}, ...), looser or stricter. Annotations ({@code title}, {@code description},
 * {@code $comment}, {@code examples}) may change freely.
 */
final class SchemaCompatibility {

  private static final Set<String> ANNOTATIONS =
      Set.of("title", "description", "$comment", "examples", "deprecated");

  /** Keywords whose value is one subschema. */
  private static final Set<String> SUBSCHEMA =
      Set.of(
          "items",
          "additionalProperties",
          "not",
          "contains",
          "if",
          "then",
          "else",
          "propertyNames",
          "unevaluatedProperties",
          "unevaluatedItems");

  /** Keywords whose value is a list of subschemas, compared position by position. */
  private static final Set<String> SUBSCHEMA_LISTS =
      Set.of("allOf", "anyOf", "oneOf", "prefixItems");

  private SchemaCompatibility() {}

  /** Every non-additive change from {@code released} to {@code current}; empty when compatible. */
  static List<String> breakingChanges(JsonNode released, JsonNode current) {
    List<String> problems = new ArrayList<>();
    compare("", released, current, problems);
    return problems;
  }

  private static void compare(String path, JsonNode released, JsonNode current, List<String> out) {
    if (!released.isObject() || !current.isObject()) {
      // boolean schemas (true/false) and anything odd: must stay exactly as released
      if (!released.equals(current)) {
        out.add(at(path) + "schema changed from " + released + " to " + current);
      }
      return;
    }
    Set<String> keywords = new LinkedHashSet<>();
    released.fieldNames().forEachRemaining(keywords::add);
    current.fieldNames().forEachRemaining(keywords::add);
    for (String keyword : keywords) {
      if (ANNOTATIONS.contains(keyword)) {
        continue;
      }
      JsonNode before = released.get(keyword);
      JsonNode after = current.get(keyword);
      String here = path + "/" + keyword;
      switch (keyword) {
        case "properties" -> properties(here, before, after, out);
        case "required" -> required(path, before, after, out);
        case "enum" -> enumValues(here, before, after, out);
        case "type" -> type(here, before, after, out);
        case "$defs", "definitions" -> definitions(here, before, after, out);
        default -> {
          if (before == null) {
            out.add(at(here) + "added " + keyword + " " + after);
          } else if (after == null) {
            out.add(at(here) + "removed " + keyword + " " + before);
          } else if (SUBSCHEMA.contains(keyword)) {
            compare(here, before, after, out);
          } else if (SUBSCHEMA_LISTS.contains(keyword)) {
            subschemaList(here, before, after, out);
          } else if (!before.equals(after)) {
            out.add(at(here) + "changed from " + before + " to " + after);
          }
        }
      }
    }
  }

  /** Released properties must all stay, each compatible; new ones are additive. */
  private static void properties(String path, JsonNode before, JsonNode after, List<String> out) {
    if (before == null) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> released = before.fields();
    while (released.hasNext()) {
      Map.Entry<String, JsonNode> property = released.next();
      JsonNode now = after == null ? null : after.get(property.getKey());
      if (now == null) {
        out.add(at(path) + "removed (or renamed) property " + property.getKey());
      } else {
        compare(path + "/" + property.getKey(), property.getValue(), now, out);
      }
    }
  }

  private static void required(String path, JsonNode before, JsonNode after, List<String> out) {
    Set<String> was = strings(before);
    Set<String> is = strings(after);
    for (String name : is) {
      if (!was.contains(name)) {
        out.add(at(path) + "property " + name + " is newly required");
      }
    }
    for (String name : was) {
      if (!is.contains(name)) {
        out.add(at(path) + "property " + name + " is no longer required");
      }
    }
  }

  private static void enumValues(String path, JsonNode before, JsonNode after, List<String> out) {
    Set<String> was = values(before);
    Set<String> is = values(after);
    if (before == null) {
      out.add(at(path) + "added enum " + is);
      return;
    }
    for (String value : was) {
      if (!is.contains(value)) {
        out.add(at(path) + "removed enum value " + value);
      }
    }
    for (String value : is) {
      if (!was.contains(value)) {
        out.add(at(path) + "added enum value " + value + ", which released consumers cannot read");
      }
    }
  }

  private static void type(String path, JsonNode before, JsonNode after, List<String> out) {
    Set<String> was = strings(before);
    Set<String> is = strings(after);
    if (!was.equals(is)) {
      out.add(at(path) + "type changed from " + was + " to " + is);
    }
  }

  private static void subschemaList(
      String path, JsonNode before, JsonNode after, List<String> out) {
    if (before.size() != after.size()) {
      out.add(at(path) + "changed from " + before.size() + " to " + after.size() + " subschemas");
      return;
    }
    for (int i = 0; i < before.size(); i++) {
      compare(path + "/" + i, before.get(i), after.get(i), out);
    }
  }

  /**
   * Named subschemas: released ones must stay compatible; new ones constrain nothing by themselves
   * (only a changed {@code $ref}, caught elsewhere, would use them).
   */
  private static void definitions(String path, JsonNode before, JsonNode after, List<String> out) {
    if (before == null) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> released = before.fields();
    while (released.hasNext()) {
      Map.Entry<String, JsonNode> definition = released.next();
      JsonNode now = after == null ? null : after.get(definition.getKey());
      if (now == null) {
        out.add(at(path) + "removed definition " + definition.getKey());
      } else {
        compare(path + "/" + definition.getKey(), definition.getValue(), now, out);
      }
    }
  }

  /** A keyword's string or list of strings, as a set; empty when absent. */
  private static Set<String> strings(JsonNode node) {
    Set<String> result = new TreeSet<>();
    if (node == null) {
      return result;
    }
    if (node.isArray()) {
      node.forEach(n -> result.add(n.asText()));
    } else {
      result.add(node.asText());
    }
    return result;
  }

  /** Enum values as JSON text, so that "1" and 1 stay apart. */
  private static Set<String> values(JsonNode node) {
    Set<String> result = new TreeSet<>();
    if (node != null) {
      node.forEach(n -> result.add(n.toString()));
    }
    return result;
  }

  private static String at(String path) {
    return (path.isEmpty() ? "/" : path) + ": ";
  }
}
