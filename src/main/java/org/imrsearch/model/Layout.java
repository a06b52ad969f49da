package org.imrsearch.model;

/** The letter layouts the extractor recognises, oldest first. */
public enum Layout {
  /**
   * 2013: "Notice of Independent Medical Review Determination", "1) MAXIMUS ... has determined".
   */
  NOTICE_2013("notice-2013"),
  /** 2013-2014: "MAXIMUS FEDERAL SERVICES, INC.", "IMR DECISION(S) AND RATIONALE(S)". */
  MAXIMUS_2013("maximus-2013"),
  /** 2013-2014: "MEDICAL PROFESSIONAL REVIEW", "ISSUE AT DISPUTE:". */
  PROFESSIONAL_REVIEW("professional-review"),
  /** 2014+: "HOW THE IMR FINAL DETERMINATION WAS MADE", item lines "X: Upheld". */
  DWC_2016("dwc-2016");

  private final String key;

  Layout(String key) {
    this.key = key;
  }

  /** The name used in JSON, the index and the facet. */
  public String key() {
    return key;
  }
}
