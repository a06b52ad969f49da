package org.imrsearch.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named benchmark figures in the order they were measured, each with its unit, for the table and
 * the JSON.
 */
public final class Figures {
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();

  void put(String name, Object value, String unit) {
    values.put(name, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
    units.put(name, unit);
  }

  void put(String name, Percentiles p) {
    put(name + ".p50Ms", p.p50(), "ms");
    put(name + ".p95Ms", p.p95(), "ms");
    put(name + ".p99Ms", p.p99(), "ms");
    put(name + ".iterations", p.count(), "");
  }

  String unit(String name) {
    return units.get(name);
  }

  public Map<String, Object> values() {
    return values;
  }

  double number(String name) {
    return ((Number) values.get(name)).doubleValue();
  }

  public String table() {
    StringBuilder b = new StringBuilder();
    int width = values.keySet().stream().mapToInt(String::length).max().orElse(10);
    values.forEach(
        (name, value) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "%-" + width + "s  %14s %s%n",
                    name,
                    value instanceof Double d
                        ? String.format(Locale.ROOT, "%,.2f", d)
                        : value instanceof Number n
                            ? String.format(Locale.ROOT, "%,d", n.longValue())
                            : value,
                    units.get(name))));
    return b.toString();
  }
}
