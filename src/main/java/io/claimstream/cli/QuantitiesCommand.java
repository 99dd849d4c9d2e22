package io.claimstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimstream.extract.Quantity;
import io.claimstream.extract.QuantityParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "quantities", mixinStandardHelpOptions = true,
        description = "One sentence a line in; one JSON object per money or percent quantity out.")
final class QuantitiesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", description = "A text file, one sentence a line.")
    Path file;

    @Override
    public Integer call() throws Exception {
        QuantityParser parser = new QuantityParser();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                for (Quantity q : parser.parse(line)) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("line", number);
                    o.put("text", q.text());
                    o.put("value", q.value());
                    if (q.valueHigh() == null) o.putNull("value_high");
                    else o.put("value_high", q.valueHigh());
                    o.put("unit", q.unit());
                    o.put("bound", q.bound().wire());
                    o.put("start", q.start());
                    o.put("end", q.end());
                    out.println(JSON.writeValueAsString(o));
                }
            }
        }
        out.flush();
        return 0;
    }
}
