package io.univinsight.crawler.pagestate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import io.univinsight.events.JsonSerde;
import io.univinsight.events.PageState;

/**
 * The crawler's local copy of the page-state topic: RocksDB on disk, so a million pages cost disk,
 * not heap. Memory is bounded by a small block cache (index and filter blocks inside it) and two
 * small write buffers. Values are the topic's JSON bytes as read. The offsets read so far are kept
 * in the same database, under keys no URL can have, so a restart resumes where it stopped.
 */
public class PageStateStore implements AutoCloseable {
    private static final JsonSerde<PageState> JSON = new JsonSerde<>(PageState.class);
    /** URLs never start with a NUL byte: the offsets' keys cannot meet a page's. */
    private static final byte[] OFFSET_PREFIX = "\0offset:".getBytes(StandardCharsets.UTF_8);

    static {
        RocksDB.loadLibrary();
    }

    private final LRUCache cache;
    private final BloomFilter bloom;
    private final Options options;
    private final WriteOptions writes;
    private final RocksDB db;

    /** Opens (or creates) the store in dir with a block cache of cacheBytes and write buffers of writeBufferBytes each. */
    public PageStateStore(Path dir, long cacheBytes, long writeBufferBytes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the page-state folder " + dir, e);
        }
        cache = new LRUCache(cacheBytes);
        bloom = new BloomFilter(10);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true) // index and filters count in the cache, not beside it
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setFilterPolicy(bloom);
        options = new Options()
                .setCreateIfMissing(true)
                .setWriteBufferSize(writeBufferBytes)
                .setMaxWriteBufferNumber(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setMaxOpenFiles(256)
                .setTableFormatConfig(table);
        writes = new WriteOptions();
        try {
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException e) {
            close();
            throw new IllegalStateException("cannot open the page-state store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The defaults for a crawler: 16 MB of block cache, 8 MB write buffers. */
    public static PageStateStore open(Path dir) {
        return new PageStateStore(dir, 16L << 20, 8L << 20);
    }

    public Optional<PageState> find(String url) {
        byte[] value;
        try {
            value = db.get(key(url));
        } catch (RocksDBException e) {
            throw new IllegalStateException("page-state store read failed: " + e.getMessage(), e);
        }
        return Optional.ofNullable(value == null ? null : JSON.deserialize("page-state", value));
    }

    /**
     * Keeps a state written by this crawler at once; the same record read back from the topic later changes nothing.
     * Returns the JSON kept, which is what the topic gets.
     */
    public byte[] put(PageState state) {
        byte[] json = JSON.serialize("page-state", state);
        try {
            db.put(writes, key(state.url()), json);
            return json;
        } catch (RocksDBException e) {
            throw new IllegalStateException("page-state store write failed: " + e.getMessage(), e);
        }
    }

    /** Whether the store holds exactly these bytes for the url (a state this crawler wrote, read back from the topic). */
    public boolean holds(String url, byte[] value) {
        try {
            return Arrays.equals(db.get(key(url)), value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("page-state store read failed: " + e.getMessage(), e);
        }
    }

    /** One batch of records read from the topic, applied with the offsets they end at (atomically). */
    public void apply(Iterable<Update> updates) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Update u : updates) {
                if (u.url() == null) {
                    // only the offset moves
                } else if (u.value() == null) {
                    batch.delete(key(u.url())); // a tombstone forgets the page
                } else {
                    batch.put(key(u.url()), u.value());
                }
                batch.put(offsetKey(u.partition()), ByteBuffer.allocate(8).putLong(u.offset()).array());
            }
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("page-state store write failed: " + e.getMessage(), e);
        }
    }

    /** Records of the topic to apply; url null means only the offset moves (an unreadable record skipped, or one the store already holds). */
    public record Update(int partition, long offset, String url, byte[] value) {
    }

    /** The last offset applied per partition (absent: read that partition from its beginning). */
    public Map<Integer, Long> offsets() {
        Map<Integer, Long> out = new HashMap<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(OFFSET_PREFIX); it.isValid() && startsWith(it.key(), OFFSET_PREFIX); it.next()) {
                String partition = new String(it.key(), OFFSET_PREFIX.length, it.key().length - OFFSET_PREFIX.length, StandardCharsets.UTF_8);
                out.put(Integer.parseInt(partition), ByteBuffer.wrap(it.value()).getLong());
            }
        }
        return out;
    }

    /** RocksDB's own estimate of the pages it holds. */
    public long estimatedPages() {
        try {
            return db.getLongProperty("rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            return -1;
        }
    }

    /** Bytes RocksDB holds in memory now: memtables, block cache and table readers (its own accounting). */
    public long nativeMemoryBytes() {
        try {
            return db.getLongProperty("rocksdb.cur-size-all-mem-tables") + cache.getUsage()
                    + db.getLongProperty("rocksdb.estimate-table-readers-mem");
        } catch (RocksDBException e) {
            return -1;
        }
    }

    public void flushToDisk() {
        try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        } catch (RocksDBException e) {
            throw new IllegalStateException("page-state store flush failed: " + e.getMessage(), e);
        }
    }

    private static byte[] key(String url) {
        return url.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] offsetKey(int partition) {
        byte[] p = Integer.toString(partition).getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[OFFSET_PREFIX.length + p.length];
        System.arraycopy(OFFSET_PREFIX, 0, k, 0, OFFSET_PREFIX.length);
        System.arraycopy(p, 0, k, OFFSET_PREFIX.length, p.length);
        return k;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
        if (writes != null) {
            writes.close();
        }
        if (options != null) {
            options.close();
        }
        bloom.close();
        cache.close();
    }
}
