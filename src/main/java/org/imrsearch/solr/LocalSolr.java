package org.imrsearch.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A local SolrCloud in a child JVM, for trying the Solr engine and for tests: the {@code
 * solr-local} module (Solr 9, whose Lucene 9 cannot share this JVM's class path with Lucene 10),
 * started with {@link #start} and stopped with {@link #close}.
 *
 * <p>The module's class path comes from the system property {@value #CLASSPATH_PROPERTY} ({@code
 * bin/imr test} sets it after building the module), else from {@code solr-local/target} under
 * {@code imr.home} or the working directory ({@code bin/imr solr-local} builds it there). {@link
 * #isAvailable()} says whether it can be found, so a test run without it (one test from an IDE) can
 * skip.
 *
 * <p>The child dies with this JVM: it shuts down when its stdin closes, and a shutdown hook here
 * destroys it. Methods are synchronized; {@link #close()} may be called more than once.
 */
public final class LocalSolr implements AutoCloseable {
  /** The system property with the solr-local module's class path. */
  public static final String CLASSPATH_PROPERTY = "imr.solrLocal.classpath";

  /** Enough for the sample letters and the tests; a benchmark gives more. */
  private static final String DEFAULT_HEAP = "512m";

  private static final long READY_SECONDS = 120;
  private static final long COMMAND_SECONDS = 120;
  private static final long EXIT_SECONDS = 30;
  private static final int STDERR_LINES = 50;
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> answers;
  private final Deque<String> stderrTail;
  private final Thread killOnExit;
  private String url;
  private List<String> nodeUrls = List.of();
  private String zkHost;
  private boolean closed;

  private LocalSolr(Process process) {
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
    this.answers = new LinkedBlockingQueue<>();
    this.stderrTail = new ArrayDeque<>();
    drain(process.getInputStream(), "stdout", answers::add, () -> answers.add(EOF));
    drain(process.getErrorStream(), "stderr", this::keep, () -> {});
    this.killOnExit = new Thread(() -> stop(process), "local-solr-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Whether the solr-local module's class path can be found (see the class comment). */
  public static boolean isAvailable() {
    try {
      classpath(System.getProperty(CLASSPATH_PROPERTY), home());
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * Starts a cluster of {@code nodes} nodes and waits until it is ready (at most 120 s).
   *
   * @param dirOrNull where the cluster keeps its data (a restart on it finds its collections
   *     again), or null for a temporary directory that the child deletes when it stops
   * @throws IllegalStateException when the solr-local module is not built
   * @throws IOException when the child cannot start, exits, or is not ready in time; the message
   *     ends with its last stderr lines
   */
  public static LocalSolr start(int nodes, Path dirOrNull) throws IOException {
    return start(nodes, dirOrNull, DEFAULT_HEAP);
  }

  /** {@link #start(int, Path)} with {@code heap} for the cluster's JVM ("512m", "2g"). */
  public static LocalSolr start(int nodes, Path dirOrNull, String heap) throws IOException {
    return start(nodes, dirOrNull, System.getProperty(CLASSPATH_PROPERTY), home(), heap, null);
  }

  /**
   * {@link #start(int, Path)}, secured by Solr's {@code securityJson} (basic auth, say), installed
   * before the nodes start.
   */
  public static LocalSolr startSecured(int nodes, Path securityJson) throws IOException {
    return start(
        nodes, null, System.getProperty(CLASSPATH_PROPERTY), home(), DEFAULT_HEAP, securityJson);
  }

  /** {@link #start(int, Path)} with the class path property and the home directory given. */
  static LocalSolr start(int nodes, Path dirOrNull, String classpathProperty, Path home)
      throws IOException {
    return start(nodes, dirOrNull, classpathProperty, home, DEFAULT_HEAP, null);
  }

  private static LocalSolr start(
      int nodes,
      Path dirOrNull,
      String classpathProperty,
      Path home,
      String heap,
      Path securityJson)
      throws IOException {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, not " + nodes);
    }
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    // The tests' small cluster collects cheaply; a measured one runs on Solr's own default, G1.
    String gc = heap.equals(DEFAULT_HEAP) ? "-XX:+UseSerialGC" : "-XX:+UseG1GC";
    command.addAll(List.of("-Xmx" + heap, gc, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(List.of("-cp", classpath(classpathProperty, home)));
    command.add("org.imrsearch.solrlocal.SolrLocal");
    command.addAll(List.of("--nodes", Integer.toString(nodes)));
    if (dirOrNull != null) {
      command.addAll(List.of("--dir", dirOrNull.toAbsolutePath().toString()));
    }
    if (securityJson != null) {
      command.addAll(List.of("--security-json", securityJson.toAbsolutePath().toString()));
    }
    LocalSolr solr = new LocalSolr(new ProcessBuilder(command).start());
    try {
      solr.awaitReady();
      return solr;
    } catch (IOException | RuntimeException e) {
      solr.close();
      throw e;
    }
  }

  /** The first node's base URL, e.g. {@code http://127.0.0.1:40123/solr}. */
  public synchronized String url() {
    return url;
  }

  /** Every node's base URL, in node order (what {@link #stopNode} numbers). */
  public synchronized List<String> nodeUrls() {
    return nodeUrls;
  }

  /** ZooKeeper's {@code host:port}; Solr's data is under the chroot {@code /solr}. */
  public synchronized String zkHost() {
    return zkHost;
  }

  /**
   * Stops the given nodes (0-based) and returns once ZooKeeper no longer lists them as live; a node
   * already stopped stays so.
   */
  public synchronized void stopNodes(int... nodes) throws IOException {
    String numbers = numbers(nodes);
    command("stop " + numbers, "stopped " + numbers);
  }

  /**
   * Restarts the given stopped nodes together on their old ports and returns once their replicas
   * are active again; a node already running stays so, which lets clean-up code ask regardless.
   */
  public synchronized void startNodes(int... nodes) throws IOException {
    String numbers = numbers(nodes);
    command("start " + numbers, "started " + numbers);
  }

  private static String numbers(int... nodes) {
    if (nodes.length == 0) {
      throw new IllegalArgumentException("no node given");
    }
    return Arrays.stream(nodes).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }

  /** Stops the cluster: asks the child to quit, waits up to 30 s, then kills it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      commands.write("quit\n");
      commands.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook runs anyway and finds the child gone
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
    String line;
    while (!(line = next(deadline, "to be ready")).equals("ready")) {
      if (line.startsWith("solr: ")) {
        url = line.substring("solr: ".length());
      } else if (line.startsWith("nodes: ")) {
        nodeUrls = List.copyOf(Arrays.asList(line.substring("nodes: ".length()).split(",")));
      } else if (line.startsWith("zk: ")) {
        zkHost = line.substring("zk: ".length());
      }
    }
    if (url == null || nodeUrls.isEmpty()) {
      throw failure("local Solr said ready before it said its URLs");
    }
  }

  private void command(String command, String expectedPrefix) throws IOException {
    if (closed) {
      throw new IllegalStateException("local Solr is closed");
    }
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw failure("local Solr no longer takes commands (" + e.getMessage() + ")");
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_SECONDS);
    String answer = next(deadline, "to answer '" + command + "'");
    if (!answer.startsWith(expectedPrefix)) {
      throw new IOException("local Solr answered '" + command + "' with: " + answer);
    }
  }

  /** The child's next stdout line; kills it and throws when it exits or the deadline passes. */
  private String next(long deadline, String waitingFor) throws IOException {
    String line;
    try {
      line = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted waiting for local Solr " + waitingFor, e);
    }
    if (line == null) {
      process.destroyForcibly();
      throw failure("local Solr took too long " + waitingFor + "; killed it");
    }
    if (line.equals(EOF)) {
      process.destroyForcibly();
      throw failure("local Solr exited while waiting for it " + waitingFor);
    }
    return line;
  }

  private IOException failure(String message) {
    synchronized (stderrTail) {
      String tail = stderrTail.isEmpty() ? " (no stderr)" : ":\n" + String.join("\n", stderrTail);
      return new IOException(message + "; its last stderr lines" + tail);
    }
  }

  private void keep(String stderrLine) {
    synchronized (stderrTail) {
      if (stderrTail.size() == STDERR_LINES) {
        stderrTail.removeFirst();
      }
      stderrTail.addLast(stderrLine);
    }
  }

  private static void drain(InputStream in, String name, Consumer<String> perLine, Runnable atEnd) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  perLine.accept(line);
                }
              } catch (IOException e) {
                // the child is gone
              } finally {
                atEnd.run();
              }
            },
            "local-solr-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** At this JVM's exit: SIGTERM lets the child delete its temporary directory; then kill. */
  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }

  static String classpath(String property, Path home) {
    if (property != null && !property.isBlank()) {
      return property;
    }
    Path target = home.resolve("solr-local/target");
    Path classes = target.resolve("classes");
    Path dependencies = target.resolve("classpath.txt");
    if (Files.isDirectory(classes) && Files.isRegularFile(dependencies)) {
      try {
        return classes + java.io.File.pathSeparator + Files.readString(dependencies).strip();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + dependencies + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException(
        "the local Solr cluster is not built: run 'bin/imr solr-local' or 'bin/imr test' once"
            + " (no system property "
            + CLASSPATH_PROPERTY
            + " and no "
            + classes
            + " with "
            + dependencies
            + ")");
  }

  private static Path home() {
    String home = System.getProperty("imr.home");
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
