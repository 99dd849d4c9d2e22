package io.claimstream.stream;

import io.claimstream.avro.Article;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.extract.StoryFingerprint;
import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles in, claims out, re-keyed by claim key.
 *
 * <p>Each claim carries its article version's position, (event time, revision), where the revision is the
 * article's {@code fetched} time (0 when absent), and its story: the {@link StoryFingerprint} of the article's text,
 * so that consensus counts copies of one wire story once.
 *
 * <p>Remembers, per article id, the versions it has seen ({@link ArticleVersions}, in the {@value #ARTICLE_KEYS_STORE}
 * store), so that a corrected or re-published article (same id, new text) withdraws what its earlier versions said
 * about keys it no longer mentions, a re-fetch of unchanged text forwards nothing, and a version arriving after a
 * newer one leaves the history in-order arrival would have.
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
        long revision = article.getFetched() == null ? 0L : article.getFetched().toEpochMilli();
        metrics.articleRead();

        List<ArticleVersions.Version> stored = ArticleVersions.decode(articleKeys.get(text.id()));
        long hash = contentHash(text, eventTime);
        // a re-fetch or redelivery of the version in force at this revision: nothing to extract or forward
        if (ArticleVersions.isRefetch(stored, revision, hash)) return;

        // One claim per key and article: the first, as the extractor orders them (headline figures repeat).
        Map<String, Claim> byKey = new LinkedHashMap<>();
        long started = System.nanoTime();
        var claims = extractor.extract(text);
        metrics.extractionTime(System.nanoTime() - started);
        metrics.claimsExtracted(claims.size());
        for (Claim claim : claims) byKey.putIfAbsent(claim.key(), claim);
        // Only claims carry it: most coverage states no figure, and the fingerprint reads the whole text.
        long story = byKey.isEmpty() ? StoryFingerprint.UNKNOWN : StoryFingerprint.of(text.text());

        ArticleVersions.Version version = new ArticleVersions.Version(revision, eventTime, text.sourceOrId(),
                text.url(), hash, List.copyOf(byKey.keySet()));
        ArticleVersions.Plan plan = ArticleVersions.add(stored, version);
        if (plan == null) return; // a re-fetch (checked above, before extracting)
        for (ArticleVersions.Retraction r : plan.ownRetractions()) forward(r.key(), retractionOf(text.id(), r), record);
        for (Map.Entry<String, Claim> e : byKey.entrySet()) {
            forward(e.getKey(), AvroMapping.toAvro(e.getValue(), text.url(), eventTime, revision, story,
                    ClaimExtractor.VERSION), record);
        }
        for (ArticleVersions.Retraction r : plan.laterRetractions()) forward(r.key(), retractionOf(text.id(), r), record);
        articleKeys.put(text.id(), ArticleVersions.encode(plan.versions()));
    }

    /**
     * A hash of everything an article's claims depend on except its revision: source, url, title, text and event
     * time. Two versions with the same hash give the same claims; never {@link ArticleVersions#UNKNOWN_HASH}.
     */
    static long contentHash(ArticleText text, long eventTime) {
        String joined = text.sourceOrId() + '\0' + text.url() + '\0' + text.title() + '\0' + eventTime
                + '\0' + text.text();
        long h = StoryFingerprint.hash(joined);
        return h == ArticleVersions.UNKNOWN_HASH ? 1L : h;
    }

    private static io.claimstream.avro.Claim retractionOf(String articleId, ArticleVersions.Retraction r) {
        ArticleVersions.Version at = r.at();
        return AvroMapping.retraction(r.key(), articleId, at.source(), at.url(), at.eventTime(), at.revision(),
                ClaimExtractor.VERSION);
    }

    /**
     * The claim carries its event time in its payload; its record keeps the article record's timestamp, which the
     * broker already accepted (a future-dated published time would be refused on the repartition topic).
     */
    private void forward(String key, io.claimstream.avro.Claim claim, Record<String, Article> article) {
        context.forward(new Record<>(key, claim, article.timestamp()));
    }
}
