package org.imrsearch.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrInputDocument;
import org.imrsearch.index.IndexField;
import org.imrsearch.ingest.LetterSink;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * Writes letters into a SolrCloud collection, in batches. A letter replaces all of its documents:
 * each batch first deletes every document of its letters, then adds them again, and ids are
 * deterministic ("letter#n"), so an ingest killed at any point and run again leaves every letter
 * exactly once, with no orphan decisions.
 *
 * <p>A batch the cluster does not take (a node down, a leader being elected) is tried again a few
 * times; then each of its letters alone, and the letters that still fail are {@link #rejected()} by
 * name: the ingest goes on and reports them, and a re-run after the node returns puts them in.
 */
public final class SolrLetterWriter implements LetterSink {
  /** Letters per update request: about a thousand documents, a few MB. */
  static final int BATCH = 250;

  private static final long[] BACKOFF_MILLIS = {500, 2000, 5000};

  private final SolrCollection collection;
  private final SolrDocuments documents;
  private final List<Put> pending = new ArrayList<>();
  private final List<Rejected> rejected = new ArrayList<>();

  public SolrLetterWriter(SolrCollection collection, ObjectMapper mapper) {
    this.collection = collection;
    this.documents = new SolrDocuments(mapper, InstantSource.system());
  }

  /** A letter and the file it was read from (null: none). */
  private record Put(Letter letter, SourceFile file) {}

  @Override
  public void put(Letter letter) throws IOException {
    put(letter, null);
  }

  @Override
  public void put(Letter letter, SourceFile file) throws IOException {
    List<Put> full = null;
    synchronized (pending) {
      pending.add(new Put(letter, file));
      if (pending.size() >= BATCH) {
        full = new ArrayList<>(pending);
        pending.clear();
      }
    }
    if (full != null) {
      send(full); // on the worker that filled it: the others go on extracting meanwhile
    }
  }

  @Override
  public void commit() throws IOException {
    List<Put> rest;
    synchronized (pending) {
      rest = new ArrayList<>(pending);
      pending.clear();
    }
    if (!rest.isEmpty()) {
      send(rest);
    }
    try {
      collection.client().commit(collection.name(), true, true);
    } catch (SolrServerException e) {
      throw collection.unavailable(e);
    }
  }

  @Override
  public List<Rejected> rejected() {
    synchronized (rejected) {
      List<Rejected> out = List.copyOf(rejected);
      rejected.clear();
      return out;
    }
  }

  private void send(List<Put> letters) {
    for (int attempt = 0; attempt <= BACKOFF_MILLIS.length; attempt++) {
      try {
        replace(letters);
        return;
      } catch (IOException | SolrServerException | RuntimeException e) {
        if (attempt < BACKOFF_MILLIS.length) {
          pause(BACKOFF_MILLIS[attempt]);
        }
      }
    }
    // The batch would not go in: put in the letters that will, one at a time; the others are
    // reported, not thrown, so one bad moment of the cluster does not stop the ingest.
    for (Put put : letters) {
      try {
        replace(List.of(put));
      } catch (IOException | SolrServerException | RuntimeException e) {
        synchronized (rejected) {
          rejected.add(new Rejected(put.letter(), collection.unavailable(e).getMessage()));
        }
      }
    }
  }

  /** Deletes every document of {@code letters}, then adds their documents. */
  private void replace(List<Put> letters) throws IOException, SolrServerException {
    String ids =
        letters.stream()
            .map(p -> ClientUtils.escapeQueryChars(p.letter().id()))
            .collect(Collectors.joining(" OR "));
    UpdateRequest delete = new UpdateRequest();
    delete.deleteByQuery(IndexField.LETTER_ID.fieldName() + ":(" + ids + ")");
    delete.process(collection.client(), collection.name());
    List<SolrInputDocument> docs = new ArrayList<>();
    for (Put put : letters) {
      docs.addAll(documents.of(put.letter(), put.file()));
    }
    UpdateRequest add = new UpdateRequest();
    add.add(docs);
    add.process(collection.client(), collection.name());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes without committing what was not committed; the connection is the caller's. */
  @Override
  public void close() {}
}
