package org.imrsearch.solrlocal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;

/**
 * Runs a local SolrCloud (embedded ZooKeeper + N Jetty nodes on 127.0.0.1) for trying imr-search
 * against Solr and for the app's tests; a separate JVM because Solr 9 brings Lucene 9, which cannot
 * share a class path with the app's Lucene 10.
 *
 * <p>Usage: {@code SolrLocal [--nodes N] [--dir DIR] [--port P] [--security-json FILE]}. {@code
 * --security-json} installs Solr's security configuration (e.g. basic auth) before the nodes start.
 * {@code --nodes} defaults to 1; {@code --dir} keeps the data there so a restart finds the
 * collections again (default: a temporary directory deleted at exit); {@code --port} is the first
 * node's port, the others get P+1, P+2, ... (default: free ports, or on a kept directory the ports
 * of its last run).
 *
 * <p>Promises to a parent process, on stdout and nothing else there (logs go to stderr, warnings
 * only unless {@code -Dsolrlocal.log.level=INFO}):
 *
 * <pre>
 * solr: http://127.0.0.1:PORT/solr     the first node's base URL
 * nodes: URL0,URL1,...                 every node's base URL, in node order
 * zk: 127.0.0.1:PORT                   ZooKeeper; Solr's data is under the chroot /solr
 * ready                                every node is live, every kept replica active
 * </pre>
 *
 * <p>Then it reads commands from stdin, one per line, and answers each with one line: {@code stop I
 * [J ...]} (nodes I, J, 0-based) answers {@code stopped I [J ...]} once ZooKeeper no longer lists
 * them; {@code start I [J ...]} restarts them together on their old ports and answers {@code
 * started I [J ...]} once their replicas are active; a node already in the state asked for is left
 * as it is. A bad command answers {@code error: MESSAGE}; {@code quit} shuts down. End of stdin
 * (the parent died or closed the pipe) also shuts down and exits 0, so a test's cluster never
 * outlives the test JVM. When stdin is a terminal it is not read at all (a background job reading
 * its terminal would be stopped by the shell): the cluster runs until Ctrl-C or SIGTERM, which shut
 * it down cleanly through a shutdown hook.
 *
 * <p>Configsets are not preloaded: clients upload their own through the Configsets API (UPLOAD of a
 * zip), which this cluster allows without authentication. Such configsets are "untrusted", which
 * only forbids {@code <lib>} directives and a few script/XSLT features.
 */
public final class SolrLocal {
  private SolrLocal() {}

  /** The parsed command line. */
  record Options(int nodes, Path dir, int port, Path securityJson) {
    static Options parse(String[] args) {
      int nodes = 1;
      Path dir = null;
      int port = 0;
      Path securityJson = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          throw new IllegalArgumentException("");
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("unknown option or missing value: " + arg);
        }
        String value = args[++i];
        switch (arg) {
          case "--nodes" -> nodes = number(arg, value, 1, 16);
          case "--dir" -> dir = Path.of(value);
          case "--port" -> port = number(arg, value, 1, 65535 - 16);
          case "--security-json" -> securityJson = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option: " + arg);
        }
      }
      return new Options(nodes, dir, port, securityJson);
    }

    private static int number(String option, String value, int min, int max) {
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          option + " wants a number from " + min + " to " + max + ", not '" + value + "'");
    }
  }

  private static final String USAGE =
      "usage: solr-local [--nodes N] [--dir DIR] [--port FIRST_PORT]\n"
          + "  [--security-json FILE] installs Solr's security.json (basic auth) before the nodes start;\n"
          + "  prints 'solr: URL', 'nodes: URLS', 'zk: HOST:PORT', 'ready'; then reads 'stop I [J..]',\n"
          + "  'start I [J..]', 'quit' from stdin (not from a terminal); Ctrl-C stops it.";

  public static void main(String[] args) throws Exception {
    // The protocol owns stdout: anything a library prints there goes to stderr instead.
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("solr-local: " + e.getMessage());
      }
      System.err.println(USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    if (options.dir() != null && Files.exists(options.dir()) && !Files.isDirectory(options.dir())) {
      System.err.println("solr-local: --dir " + options.dir() + " is not a directory");
      System.exit(2);
    }
    configureSolr();

    Holder holder = new Holder();
    Runtime.getRuntime().addShutdownHook(new Thread(holder::close, "solr-local-shutdown"));
    LocalCluster cluster;
    try {
      cluster =
          LocalCluster.start(
              options.nodes(), options.dir(), options.port(), options.securityJson());
    } catch (Exception e) {
      System.err.println("solr-local: could not start the cluster: " + e);
      e.printStackTrace();
      System.exit(1);
      return;
    }
    holder.set(cluster);

    List<String> urls = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      urls.add(cluster.url(i));
    }
    protocol.println("solr: " + urls.get(0));
    protocol.println("nodes: " + String.join(",", urls));
    protocol.println("zk: " + cluster.zkHost());
    protocol.println("ready");
    protocol.flush();

    if (stdinIsTerminal()) {
      Thread.currentThread().join(); // until Ctrl-C / SIGTERM
    }
    try {
      serveCommands(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          protocol,
          holder);
    } catch (IOException e) {
      // stdin cannot be read at all (e.g. 'nohup' gave it an unreadable file): no command channel.
      System.err.println("solr-local: not reading commands (" + e.getMessage() + "); Ctrl-C stops");
      Thread.currentThread().join();
    }
    holder.close();
    System.exit(0); // Solr and ZooKeeper leave non-daemon threads behind
  }

  /** Answers commands until "quit" or end of input. */
  private static void serveCommands(BufferedReader in, PrintStream out, Holder holder)
      throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.strip().split("\\s+");
      if (words[0].isEmpty()) {
        continue;
      }
      if (words[0].equals("quit")) {
        return;
      }
      String answer;
      try {
        answer = holder.command(words);
      } catch (Exception e) {
        answer = "error: " + (e.getMessage() == null ? e.toString() : e.getMessage());
      }
      out.println(answer.replace('\n', ' '));
      out.flush();
    }
  }

  /** System properties Solr reads at start-up (unless the command line set them) and quiet JUL. */
  private static void configureSolr() {
    // The default already; said here because clients depend on uploading their configsets.
    System.getProperties().putIfAbsent("configset.upload.enabled", "true");
    // ZkTestServer needs ZooKeeper's 'stat' command and logs an error when it must enable it.
    System.getProperties().putIfAbsent("zookeeper.4lw.commands.whitelist", "ruok,stat");
    // Solr logs an error at start without it; our log4j2.xml writes no files there.
    System.getProperties().putIfAbsent("solr.log.dir", System.getProperty("java.io.tmpdir"));
    // Lucene and Jersey log through java.util.logging, by default at INFO to stderr.
    String level = System.getProperty("solrlocal.log.level", "WARN");
    java.util.logging.Logger.getLogger("")
        .setLevel(level.equalsIgnoreCase("WARN") ? Level.SEVERE : Level.INFO);
  }

  /**
   * Whether stdin is a terminal. {@code /proc} answers on Linux; elsewhere {@code
   * Console.isTerminal()} (JDK 22+), else whether there is a console at all (JDK 21 has one only
   * when stdin and stdout are terminals).
   */
  static boolean stdinIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      // not Linux
    }
    var console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = console.getClass().getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** The cluster, shared by the command loop and the shutdown hook. */
  private static final class Holder {
    private LocalCluster cluster;

    synchronized void set(LocalCluster cluster) {
      this.cluster = cluster;
    }

    synchronized String command(String[] words) throws Exception {
      if (words.length < 2 || !(words[0].equals("stop") || words[0].equals("start"))) {
        throw new IllegalArgumentException(
            "unknown command '"
                + String.join(" ", words)
                + "' (stop I [J..], start I [J..], quit)");
      }
      List<Integer> nodes = new ArrayList<>();
      for (String word : Arrays.asList(words).subList(1, words.length)) {
        try {
          nodes.add(Integer.parseInt(word));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a node number: " + word);
        }
      }
      String numbers = String.join(" ", Arrays.asList(words).subList(1, words.length));
      if (words[0].equals("stop")) {
        cluster.stop(nodes);
        return "stopped " + numbers;
      }
      cluster.start(nodes);
      return "started " + numbers;
    }

    synchronized void close() {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
