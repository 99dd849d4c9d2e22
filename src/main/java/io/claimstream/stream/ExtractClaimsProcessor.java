package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Articles in, claims out, re-keyed by claim key.
 *
 * <p>Remembers which keys each article claimed, so that a corrected or re-published article (same id, new text)
 * withdraws what its earlier version said about keys it no longer mentions.
 */
final class ExtractClaimsProcessor implements Processor<String, Article, String, io.claimstream.avro.Claim> {
    static final String ARTICLE_KEYS_STORE = "article-claim-keys";

    private final ClaimExtractor extractor;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, io.claimstream.avro.Claim> context;
    private KeyValueStore<String, String> articleKeys;

    ExtractClaimsProcessor(ClaimExtractor extractor) {
        this(extractor, PipelineMetrics.NONE);
    }

    ExtractClaimsProcessor(ClaimExtractor extractor, PipelineMetrics metrics) {
        this.extractor = extractor;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, io.claimstream.avro.Claim> context) {
        this.context = context;
        this.articleKeys = context.getStateStore(ARTICLE_KEYS_STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        // Thrown, not skipped: the processing exception handler sends the record to the dead-letter topic.
        if (article == null) throw new IllegalArgumentException("article record has no value (key " + record.key() + ")");
        ArticleText text = AvroMapping.toDomain(article);
        long eventTime = text.published() != null ? text.published() : record.timestamp();

        // One claim per key and article: the first, as the extractor orders them (headline figures repeat).
        Map<String, Claim> byKey = new LinkedHashMap<>();
        metrics.articleRead();
        long started = System.nanoTime();
        var claims = extractor.extract(text);
        metrics.extractionTime(System.nanoTime() - started);
        metrics.claimsExtracted(claims.size());
        for (Claim claim : claims) byKey.putIfAbsent(claim.key(), claim);

        Set<String> before = keys(articleKeys.get(text.id()));
        for (String gone : before) {
            if (!byKey.containsKey(gone)) {
                forward(gone, AvroMapping.retraction(gone, text.id(), text.sourceOrId(), text.url(), eventTime,
                        ClaimExtractor.VERSION), record);
            }
        }
        for (Map.Entry<String, Claim> e : byKey.entrySet()) {
            forward(e.getKey(), AvroMapping.toAvro(e.getValue(), text.url(), eventTime, ClaimExtractor.VERSION), record);
        }
        articleKeys.put(text.id(), String.join("\n", byKey.keySet()));
    }

    /**
     * The claim carries its event time in its payload; its record keeps the article record's timestamp, which the
     * broker already accepted (a future-dated published time would be refused on the repartition topic).
     */
    private void forward(String key, io.claimstream.avro.Claim claim, Record<String, Article> article) {
        context.forward(new Record<>(key, claim, article.timestamp()));
    }

    private static Set<String> keys(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split("\n")));
    }
}
