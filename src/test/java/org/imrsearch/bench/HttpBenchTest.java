package org.imrsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpBenchTest {

  /** wrk 4.1's report, as printed with --latency. */
  private static final String WRK_REPORT =
      """
      Running 15s test @ http://127.0.0.1:40123
        2 threads and 16 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     8.12ms    3.40ms  61.20ms   80.00%
          Req/Sec     1.01k   100.00     1.20k    70.00%
        Latency Distribution
           50%  750.00us
           75%    9.10ms
           90%   12.30ms
           99%    1.20s
        30210 requests in 15.01s, 300.00MB read
        Socket errors: connect 0, read 2, write 0, timeout 3
        Non-2xx or 3xx responses: 4
      Requests/sec:   2012.66
      Transfer/sec:     19.99MB
      """;

  @Test
  void readsRateLatencyPercentilesInMillisecondsAndErrorsFromWrksReport() {
    Figures f = new Figures();
    HttpBench.parseWrk(WRK_REPORT, f, "http.mix");
    assertEquals(2012.66, f.number("http.mix.requestsPerSecond"));
    assertEquals(0.75, f.number("http.mix.p50Ms"));
    assertEquals(12.3, f.number("http.mix.p90Ms"));
    assertEquals(1200.0, f.number("http.mix.p99Ms"));
    assertEquals(9, f.number("http.mix.errors"));
  }
}
