package io.claimstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.avro.Article;
import io.claimstream.extract.ClaimExtractor;
import io.claimstream.extract.Aliases;
import io.claimstream.ingest.ArticleFiles;
import io.claimstream.model.Claim;
import io.claimstream.stream.AvroMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the claims of each article file (.txt, .json, .html) as JSON lines.")
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files, in the order to read them.")
    List<Path> files;

    @Option(names = "--aliases", paramLabel = "FILE", description = "Extra entity aliases, one 'Alias Name = slug' a line.")
    Path aliases;

    @Override
    public Integer call() throws Exception {
        ClaimExtractor extractor = new ClaimExtractor(aliases == null ? Aliases.none() : Aliases.load(aliases));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int failed = 0;
        for (Path file : files) {
            Article article;
            try {
                article = ArticleFiles.read(file);
            } catch (Exception e) {
                System.err.println("claimstream extract: skipping " + file + ": " + e.getMessage());
                failed++;
                continue;
            }
            for (Claim c : extractor.extract(AvroMapping.toDomain(article))) out.println(json(c));
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static String json(Claim c) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode o = JSON.createObjectNode();
        o.put("article", c.articleId());
        o.put("source", c.source());
        o.put("subject", c.subject());
        o.put("counterparty", c.counterparty());
        o.put("attribute", c.attribute());
        o.put("qualifier", c.qualifier());
        o.put("value", c.value());
        if (c.valueHigh() == null) o.putNull("value_high");
        else o.put("value_high", c.valueHigh());
        o.put("unit", c.unit());
        o.put("bound", c.bound().wire());
        o.put("modality", c.modality().wire());
        o.put("derived", c.derived());
        o.put("evidence", c.evidence());
        o.put("start", c.start());
        o.put("end", c.end());
        o.put("extractor_version", ClaimExtractor.VERSION);
        return JSON.writeValueAsString(o);
    }
}
