package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterConvertersTest {

  private final ParameterConverters converters = new ParameterConverters();

  @SuppressWarnings("unused")
  static void endpoint(
      @QueryParam("limit") int limit,
      @PathParam("id") UUID id,
      @HeaderParam("X-Count") Long count,
      @QueryParam("since") LocalDate since) {}

  @Test
  void convertsWholeNumbersAndUuids() {
    UUID id = UUID.randomUUID();
    assertThat(converter(int.class, 0).fromString("25")).isEqualTo(25);
    assertThat(converter(UUID.class, 1).fromString(id.toString())).isEqualTo(id);
    assertThat(converter(Long.class, 2).fromString("-3")).isEqualTo(-3L);
  }

  @Test
  void aValueThatIsNotOfTheTypeIsRefusedNamingTheParameter() {
    assertThatThrownBy(() -> converter(int.class, 0).fromString("abc"))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.getResponse().getStatus()).isEqualTo(400);
              assertThat(e.problem())
                  .isEqualTo(new FieldProblem("limit", "must be a whole number"));
            });
    assertThatThrownBy(() -> converter(UUID.class, 1).fromString("not-a-uuid"))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> assertThat(e.problem().describe()).isEqualTo("id must be a UUID"));
    assertThatThrownBy(() -> converter(Long.class, 2).fromString("1.5"))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> assertThat(e.problem().field()).isEqualTo("X-Count"));
  }

  @Test
  void otherTypesKeepTheFrameworksConversion() {
    assertThat(converters.getConverter(LocalDate.class, LocalDate.class, annotations(3))).isNull();
    assertThat(converters.getConverter(String.class, String.class, annotations(0))).isNull();
  }

  private <T> ParamConverter<T> converter(Class<T> type, int parameter) {
    return converters.getConverter(type, type, annotations(parameter));
  }

  private static Annotation[] annotations(int parameter) {
    try {
      return ParameterConvertersTest.class.getDeclaredMethod(
              "endpoint", int.class, UUID.class, Long.class, LocalDate.class)
          .getParameterAnnotations()[parameter];
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
