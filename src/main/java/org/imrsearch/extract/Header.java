package org.imrsearch.extract;

import java.time.LocalDate;

/** The identifying fields at the top of a letter. */
record Header(
    String caseNumber,
    LocalDate dateAssigned,
    LocalDate decisionDate,
    LocalDate injuryDate,
    LocalDate urDenialDate,
    LocalDate applicationReceived,
    String priority) {}
