package io.digitstudio.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's JSON (Chainer's {@code log}, a run's settings and status, My digits' index), read and written by Jackson
 * with the conventions the files have always had. Reading is strict: objects become {@link LinkedHashMap}s (order
 * kept), arrays {@link List}s, every number a {@link Double}, and {@code true}/{@code false}/{@code null} themselves;
 * anything else, trailing text, or nesting deeper than 64 is a {@link FormatException} naming the line and column and
 * what was expected there ({@link JsonSyntax}), so a damaged file is reported, never half-read. Writing indents by two spaces, writes a whole double without a fraction
 * (an epoch is {@code 3}, not {@code 3.0}) and NaN and infinities as {@code null}, as Chainer's log has them.
 */
public final class Json {
    private static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("digitstudio-json")
                    .addDeserializer(Number.class, new DoubleNumbers())
                    .addSerializer(Double.class, new PlainDoubles())
                    .addSerializer(Float.class, new PlainFloats()))
            .build();

    private static final ObjectWriter WRITER = indented("  ");

    /** A writer that puts each member on its own line, {@code indent} per level, and "key": value as Python does. */
    private static ObjectWriter indented(String indent) {
        return MAPPER.writer(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter(indent, "\n"))
                .withArrayIndenter(new DefaultIndenter(indent, "\n")));
    }

    private Json() {
    }

    /**
     * The text of a JSON file, read as UTF-8. A file that is not text in UTF-8 (a picture, a zip given by mistake) is a
     * {@link FormatException} that says so: the decoder's own words ("Input length = 1") say nothing to a user.
     */
    public static String readText(java.nio.file.Path file) throws IOException {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FormatException("not text in UTF-8");
        }
    }

    /** Parses a whole JSON document. */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            // Jackson's sentences are its own ("Unexpected character ('}' (code 125)): was expecting double-quote to start
            // field name"); the user reads where and what was expected in the project's words
            String problem = JsonSyntax.problem(text, MAX_DEPTH);
            throw new FormatException("not valid JSON" + (problem != null ? problem : where(e.getLocation())));
        }
    }

    /** Parses a document that must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) throw new FormatException("expected a JSON object");
        return (Map<String, Object>) v;
    }

    /** Writes maps, lists, strings, numbers, booleans and null as indented JSON, ending with a line break. */
    public static String write(Object v) {
        try {
            return WRITER.writeValueAsString(v) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static final ObjectWriter WRITER_4 = indented("    ");

    /** As {@link #write}, indented by four spaces, as Python's {@code json.dump(indent=4)} writes Chainer's log. */
    public static String writeChainerStyle(Object v) {
        try {
            return WRITER_4.writeValueAsString(v) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** A JSON string literal for text written by hand around it (a JSON-lines report). */
    public static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a String always has a JSON form
        }
    }

    /** Where Jackson stopped, for a text it refuses that the grammar does not (a limit of its own). */
    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + Math.max(1, at.getColumnNr());
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Every number read as a Double, whether written {@code 3} or {@code 3.0}, as the callers expect. */
    private static final class DoubleNumbers extends StdDeserializer<Number> {
        DoubleNumbers() {
            super(Number.class);
        }

        @Override
        public Number deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.getValueAsDouble();
        }
    }

    /** A whole double without a fraction, NaN and infinities as null (Chainer's log), anything else as Java writes it. */
    private static final class PlainDoubles extends StdSerializer<Double> {
        PlainDoubles() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider provider) throws IOException {
            writeDouble(v, g);
        }
    }

    private static final class PlainFloats extends StdSerializer<Float> {
        PlainFloats() {
            super(Float.class);
        }

        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider provider) throws IOException {
            writeDouble(v.doubleValue(), g);
        }
    }

    private static void writeDouble(double d, JsonGenerator g) throws IOException {
        if (!Double.isFinite(d)) g.writeNull();
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber((long) d);
        else g.writeNumber(d);
    }
}
