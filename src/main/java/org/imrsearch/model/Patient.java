package org.imrsearch.model;

import java.time.LocalDate;

/**
 * What a letter says about the injured worker (redacted letters give no name).
 *
 * @param age age in years when stated, else null
 * @param sex "male" or "female" when stated or clear from pronouns, else null
 * @param injuryDate the date of injury, else null
 */
public record Patient(Integer age, String sex, LocalDate injuryDate) {
  public static final Patient UNKNOWN = new Patient(null, null, null);
}
