package io.mailsync.fetcher.mailbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Folder names as a JSON array in one text column (names may contain any character). */
@Converter
public class FolderListConverter implements AttributeConverter<List<String>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(List<String> folders) {
    try {
      return JSON.writeValueAsString(folders == null ? List.of() : folders);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("folder names not writable as JSON", e);
    }
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(column, LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("folders column is not a JSON array of names", e);
    }
  }
}
