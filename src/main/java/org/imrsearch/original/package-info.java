/**
 * The original letter files: serving the file a letter was ingested from, only from inside the
 * directories that were ingested, and only while it is still the same file (its size and SHA-256 as
 * recorded at ingest). No path from a request reaches the file system: the path comes from the
 * index record of the letter's id. No Lucene here, so any engine can use it.
 */
package org.imrsearch.original;
