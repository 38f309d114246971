package io.mailsync.fetcher.mailbox;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.mail.validation.MessageText;
import io.mailsync.mail.validation.PrintableName;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folders to sync: at most {@link #maxFolders()}, each a {@link PrintableName} that is not blank,
 * none listed twice (it would be synced twice). A problem with one folder is reported at its index,
 * e.g. {@code folders[2] repeats folder INBOX}. Null (no list) is valid.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = FolderList.Check.class)
public @interface FolderList {

  String message() default "may list at most {maxFolders} folders";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int maxFolders();

  /** Longest folder name, in characters. */
  int maxName();

  class Check implements ConstraintValidator<FolderList, List<String>> {

    private int maxFolders;
    private int maxName;

    @Override
    public void initialize(FolderList constraint) {
      this.maxFolders = constraint.maxFolders();
      this.maxName = constraint.maxName();
    }

    @Override
    public boolean isValid(List<String> folders, ConstraintValidatorContext context) {
      if (folders == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (folders.size() > maxFolders) {
        context
            .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addConstraintViolation();
        valid = false;
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < folders.size(); i++) {
        String folder = folders.get(i);
        Optional<String> problem =
            folder == null
                ? Optional.of(PrintableName.BLANK)
                : PrintableName.Check.problem(folder, maxName, false);
        if (problem.isEmpty() && !seen.add(folder)) {
          problem = Optional.of("repeats folder " + MessageText.literal(folder));
        }
        if (problem.isPresent()) {
          context
              .buildConstraintViolationWithTemplate(problem.get())
              .addBeanNode()
              .inIterable()
              .atIndex(i)
              .addConstraintViolation();
          valid = false;
        }
      }
      return valid;
    }
  }
}
