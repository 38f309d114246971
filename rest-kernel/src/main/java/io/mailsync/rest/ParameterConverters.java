package io.mailsync.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts the parameter types our endpoints take (whole numbers and UUIDs) and, when the text is
 * not a value of the type, answers 400 naming the parameter ({@link InvalidParameterException})
 * where the framework would answer 404 without saying why. Other types keep the framework's
 * conversion; their failures still answer 400, unnamed (see {@link ProblemMappers}).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

  private record Parser(Function<String, ?> parse, String expected) {}

  private static final Parser INT = new Parser(Integer::valueOf, "a whole number");
  private static final Parser LONG = new Parser(Long::valueOf, "a whole number");
  private static final Map<Class<?>, Parser> PARSERS =
      Map.of(
          int.class,
          INT,
          Integer.class,
          INT,
          long.class,
          LONG,
          Long.class,
          LONG,
          UUID.class,
          new Parser(UUID::fromString, "a UUID"));

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    Parser parser = PARSERS.get(rawType);
    if (parser == null) {
      return null;
    }
    String parameter = RequestParameters.name(annotations).orElse("parameter");
    return new ParamConverter<>() {
      @Override
      @SuppressWarnings("unchecked")
      public T fromString(String value) {
        if (value == null) {
          throw new IllegalArgumentException("no value for " + parameter);
        }
        try {
          return (T) parser.parse().apply(value);
        } catch (IllegalArgumentException notAValue) {
          throw new InvalidParameterException(parameter, "must be " + parser.expected());
        }
      }

      @Override
      public String toString(T value) {
        return value == null ? null : value.toString();
      }
    };
  }
}
