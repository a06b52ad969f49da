package org.imrsearch.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generator's own vocabulary ({@code generator/vocabulary.tsv} on the classpath): specialties,
 * states, treatments with their citations and overturn rates, and sentences. Deliberately not the
 * extractor's index-config tables, so that one cannot hide the other's mistakes.
 */
final class GeneratorVocabulary {
  record Weighted<T>(T value, double weight) {}

  /** A reviewer's certifications: the canonical names, and how a letter writes the list. */
  record Specialty(List<String> canonical, double overturnFactor, String written) {}

  record Treatment(String template, double overturnRate, List<String> citations) {}

  record Citation(String key, String family, String text, double overturnFactor) {}

  final List<Weighted<Specialty>> specialties = new ArrayList<>();
  final List<Weighted<String>> states = new ArrayList<>();
  final List<Weighted<Treatment>> treatments = new ArrayList<>();
  final Map<String, Citation> citations = new LinkedHashMap<>();
  final List<String> diagnoses = new ArrayList<>();
  final List<String> support = new ArrayList<>();
  final List<String> deny = new ArrayList<>();
  final List<String> guidance = new ArrayList<>();
  final List<String> clinical = new ArrayList<>();

  static GeneratorVocabulary load() {
    try (InputStream in =
        GeneratorVocabulary.class.getResourceAsStream("/generator/vocabulary.tsv")) {
      if (in == null) {
        throw new IllegalStateException("generator/vocabulary.tsv is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GeneratorVocabulary parse(List<String> lines) {
    GeneratorVocabulary v = new GeneratorVocabulary();
    String section = "";
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line.substring(1, line.indexOf(']'));
        continue;
      }
      String[] c = line.split("\t");
      try {
        switch (section) {
          case "specialty" ->
              v.specialties.add(
                  new Weighted<>(
                      new Specialty(List.of(c[0].split(";")), Double.parseDouble(c[2]), c[3]),
                      Double.parseDouble(c[1])));
          case "state" -> v.states.add(new Weighted<>(c[0], Double.parseDouble(c[1])));
          case "treatment" ->
              v.treatments.add(
                  new Weighted<>(
                      new Treatment(c[0], Double.parseDouble(c[2]), List.of(c[3].split("\\|"))),
                      Double.parseDouble(c[1])));
          case "citation" ->
              v.citations.put(c[0], new Citation(c[0], c[1], c[2], Double.parseDouble(c[3])));
          case "diagnosis" -> v.diagnoses.add(c[0]);
          case "support" -> v.support.add(c[0]);
          case "deny" -> v.deny.add(c[0]);
          case "guidance" -> v.guidance.add(c[0]);
          case "clinical" -> v.clinical.add(c[0]);
          default -> throw new IllegalStateException("unknown section [" + section + "]");
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "generator/vocabulary.tsv:" + (n + 1) + ": " + e.getMessage(), e);
      }
    }
    for (Weighted<Treatment> t : v.treatments) {
      for (String key : t.value().citations()) {
        if (!v.citations.containsKey(key)) {
          throw new IllegalStateException(
              "generator/vocabulary.tsv: treatment '"
                  + t.value().template()
                  + "' cites unknown '"
                  + key
                  + "'");
        }
      }
    }
    return v;
  }

  static <T> T pick(List<Weighted<T>> options, Random random) {
    double total = 0;
    for (Weighted<T> w : options) {
      total += w.weight();
    }
    double r = random.nextDouble() * total;
    for (Weighted<T> w : options) {
      r -= w.weight();
      if (r < 0) {
        return w.value();
      }
    }
    return options.getLast().value();
  }

  static <T> T any(List<T> options, Random random) {
    return options.get(random.nextInt(options.size()));
  }
}
