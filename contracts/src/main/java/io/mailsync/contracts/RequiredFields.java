package io.mailsync.contracts;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields a decoded record lacks of those its consumers cannot do without, by name, so that one
 * refusal names all of them. Never asks for more than the record's JSON Schema requires.
 */
public final class RequiredFields {

  private final List<String> missing = new ArrayList<>();

  /** Text that must be present and not blank. */
  public RequiredFields text(String name, String value) {
    if (value == null || value.isBlank()) {
      missing.add(name);
    }
    return this;
  }

  /** Any other value that must be present. */
  public RequiredFields value(String name, Object value) {
    if (value == null) {
      missing.add(name);
    }
    return this;
  }

  public List<String> missing() {
    return List.copyOf(missing);
  }
}
