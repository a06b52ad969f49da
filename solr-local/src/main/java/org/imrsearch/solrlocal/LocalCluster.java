package org.imrsearch.solrlocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud on loopback: an embedded ZooKeeper and N Jetty Solr nodes in this JVM, built on
 * Solr's {@link MiniSolrCloudCluster}.
 *
 * <p>Node {@code i} keeps its cores in {@code DIR/node<i>} and ZooKeeper keeps its data in {@code
 * DIR/zookeeper}, so a restart on a kept directory finds its collections again. Its ports are
 * recorded in {@code DIR/solr-local.properties} and reused when no first port is given, so the URLs
 * stay the same too (on other ports Solr 9 moves a node's replicas to its new name). A stopped node
 * restarts on its old port, so clients that know its URL find it again.
 *
 * <p>Not thread-safe: one thread drives it. {@link #close()} stops every node and ZooKeeper and
 * deletes the directory when it was a temporary one; it may be called more than once.
 */
final class LocalCluster implements AutoCloseable {
  private static final String CONTEXT = "/solr";
  private static final String PORTS_FILE = "solr-local.properties";
  private static final int TIMEOUT_SECONDS = 60;

  private final Path dir;
  private final boolean temporary;
  private final ZkTestServer zk;
  private final MiniSolrCloudCluster cluster;
  private final List<JettySolrRunner> nodes;
  private boolean closed;

  private LocalCluster(
      Path dir,
      boolean temporary,
      ZkTestServer zk,
      MiniSolrCloudCluster cluster,
      List<JettySolrRunner> nodes) {
    this.dir = dir;
    this.temporary = temporary;
    this.zk = zk;
    this.cluster = cluster;
    this.nodes = nodes;
  }

  /**
   * Starts ZooKeeper and {@code nodeCount} nodes and waits until every node is live and every
   * replica on them (from a kept directory) is active.
   *
   * @param dirOrNull where to keep the data, or null for a temporary directory deleted by close
   * @param firstPort the first node's port (the others follow it), or 0 for free or recorded ports
   * @param securityJson Solr's security configuration to install before the nodes start, or null
   */
  static LocalCluster start(int nodeCount, Path dirOrNull, int firstPort, Path securityJson)
      throws Exception {
    boolean temporary = dirOrNull == null;
    Path dir = temporary ? Files.createTempDirectory("solr-local") : dirOrNull.toAbsolutePath();
    Files.createDirectories(dir);
    Properties recorded = readPorts(dir);

    Path zkData = dir.resolve("zookeeper/server1/data");
    boolean freshZk = !Files.isDirectory(zkData);
    int zkPort = parsePort(recorded.getProperty("zk.port"));
    ZkTestServer zk = new ZkTestServer(zkData, isFree(zkPort) ? zkPort : 0);
    zk.run(freshZk); // a fresh ZooKeeper gets an empty /solr; a kept one keeps its collections
    MiniSolrCloudCluster cluster;
    try {
      // No nodes from the cluster itself: it would name their directories afresh and refuse
      // existing ones, and could not give each node its own fixed port.
      cluster =
          new MiniSolrCloudCluster(
              0, dir, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML, nodeConfig(0), zk, false);
    } catch (Exception | Error e) {
      zk.shutdown();
      throw e;
    }

    List<JettySolrRunner> nodes = new ArrayList<>();
    LocalCluster local = new LocalCluster(dir, temporary, zk, cluster, nodes);
    try {
      if (securityJson != null) {
        // Where Solr reads it, under the cluster's ZooKeeper root: every node starts secured.
        byte[] security = Files.readAllBytes(securityJson);
        // Through ZooKeeper's own client under the cluster's root: the cluster's client would
        // wait for nodes that are not started yet.
        if (zk.getZkClient().exists("/security.json", true)) {
          zk.getZkClient().setData("/security.json", security, true);
        } else {
          zk.getZkClient().makePath("/security.json", security, true);
        }
      }
      for (int i = 0; i < nodeCount; i++) {
        int port = firstPort > 0 ? firstPort + i : parsePort(recorded.getProperty("node." + i));
        if (port > 0 && !isFree(port)) {
          if (firstPort > 0) {
            throw new IllegalStateException("port " + port + " (node " + i + ") is in use");
          }
          System.err.println(
              "solr-local: node "
                  + i
                  + "'s port from the last run, "
                  + port
                  + ", is in use;"
                  + " it gets a free one (its replicas follow it)");
          port = 0;
        }
        Properties props = new Properties();
        props.setProperty("zkHost", zk.getZkAddress());
        Path home = Files.createDirectories(dir.resolve("node" + i));
        nodes.add(new JettySolrRunner(home.toString(), props, nodeConfig(port)));
      }
      local.startAll();
      local.recordPorts();
      local.awaitActiveReplicas();
      return local;
    } catch (Exception | Error e) {
      local.close();
      throw e;
    }
  }

  private static JettyConfig nodeConfig(int port) {
    return JettyConfig.builder()
        .setContext(CONTEXT)
        .setPort(port)
        // This class stops the nodes in order (before ZooKeeper), not Jetty's own shutdown hooks.
        .stopAtShutdown(false)
        // A restarted node binds its old port again; the OS may take a moment to release it.
        .withPortRetryTime(15)
        .build();
  }

  /** Starts the nodes in parallel (each takes a few seconds, mostly waiting on ZooKeeper). */
  private void startAll() throws Exception {
    startInParallel(nodes);
    cluster.waitForAllNodes(TIMEOUT_SECONDS);
  }

  private void startInParallel(List<JettySolrRunner> which) throws Exception {
    if (which.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(which.size());
    try {
      List<Future<JettySolrRunner>> started = new ArrayList<>();
      for (JettySolrRunner node : which) {
        started.add(pool.submit(() -> cluster.startJettySolrRunner(node, true)));
      }
      for (Future<JettySolrRunner> future : started) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  int size() {
    return nodes.size();
  }

  /** The node's base URL, e.g. {@code http://127.0.0.1:8983/solr} (also while it is stopped). */
  String url(int node) {
    JettySolrRunner jetty = node(node);
    return "http://127.0.0.1:" + jetty.getLocalPort() + CONTEXT;
  }

  /** ZooKeeper's {@code host:port}; Solr's data sits under the chroot {@code /solr}. */
  String zkHost() {
    return zk.getZkHost();
  }

  /**
   * Stops the nodes that still run and waits (a while) until ZooKeeper no longer lists them as
   * live. A node already stopped is left as it is, so a test's clean-up can always ask again.
   */
  void stop(List<Integer> which) throws Exception {
    for (int node : which) {
      JettySolrRunner jetty = node(node);
      if (!jetty.isRunning()) {
        continue;
      }
      try {
        cluster.stopJettySolrRunner(jetty);
      } catch (TimeoutException e) {
        // Jetty's graceful stop ran out of time (a loaded machine) but goes on stopping the rest;
        // what callers need is the node down, so only a node still running is an error.
        if (jetty.isRunning()) {
          throw e;
        }
      }
    }
    for (int node : which) {
      try {
        cluster.waitForJettyToStop(node(node));
      } catch (TimeoutException e) {
        // The node is stopped; ZooKeeper can be slow to drop it from the live nodes when it was the
        // last one (no node left to notice). Callers only need it to be down.
        System.err.println("solr-local: node " + node + " stopped; ZooKeeper still lists it");
      }
    }
  }

  /**
   * Restarts the stopped nodes among {@code which} on their old ports, together, and waits until
   * every replica on a live node is active. Together, because a shard whose replicas were all down
   * elects a leader only once they are back or Solr's leaderVoteWait has passed. A node already
   * running is left as it is.
   */
  void start(List<Integer> which) throws Exception {
    List<JettySolrRunner> stopped = new ArrayList<>();
    for (int node : which) {
      JettySolrRunner jetty = node(node);
      if (!jetty.isRunning()) {
        stopped.add(jetty);
      }
    }
    startInParallel(stopped);
    for (JettySolrRunner jetty : stopped) {
      cluster.waitForNode(jetty, TIMEOUT_SECONDS);
    }
    awaitActiveReplicas();
  }

  private JettySolrRunner node(int node) {
    if (node < 0 || node >= nodes.size()) {
      throw new IllegalArgumentException(
          "no node " + node + " (nodes are 0.." + (nodes.size() - 1) + ")");
    }
    return nodes.get(node);
  }

  /** Waits until every replica of every collection that sits on a live node is active. */
  private void awaitActiveReplicas() throws InterruptedException {
    ZkStateReader state = cluster.getZkStateReader();
    for (String collection : state.getClusterState().getCollectionNames()) {
      try {
        state.waitForState(
            collection,
            TIMEOUT_SECONDS,
            TimeUnit.SECONDS,
            (live, coll) ->
                coll == null
                    || coll.getReplicas().stream()
                        .filter(r -> live.contains(r.getNodeName()))
                        .allMatch(r -> r.getState() == Replica.State.ACTIVE));
      } catch (TimeoutException e) {
        System.err.println(
            "solr-local: warning: collection " + collection + " has replicas that are not active");
      }
    }
  }

  private void recordPorts() throws IOException {
    if (temporary) {
      return;
    }
    Properties ports = readPorts(dir);
    ports.setProperty("zk.port", Integer.toString(zk.getPort()));
    for (int i = 0; i < nodes.size(); i++) {
      ports.setProperty("node." + i, Integer.toString(nodes.get(i).getLocalPort()));
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve(PORTS_FILE))) {
      ports.store(out, "ports of the last solr-local run; a restart reuses them");
    }
  }

  private static Properties readPorts(Path dir) throws IOException {
    Properties ports = new Properties();
    Path file = dir.resolve(PORTS_FILE);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        ports.load(in);
      }
    }
    return ports;
  }

  private static int parsePort(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isFree(int port) {
    if (port <= 0) {
      return true;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      cluster.shutdown(); // the running nodes and the cluster's client; ZooKeeper is ours
    } catch (Exception e) {
      System.err.println("solr-local: error stopping the nodes: " + e);
    }
    try {
      zk.shutdown();
    } catch (Exception e) {
      System.err.println("solr-local: error stopping ZooKeeper: " + e);
    }
    if (temporary) {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("solr-local: could not delete " + root + ": " + e);
    }
  }
}
