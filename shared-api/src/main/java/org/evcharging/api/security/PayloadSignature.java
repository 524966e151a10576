package org.evcharging.api.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.evcharging.api.message.Json;

/**
 * Per-CP payload keys for the Engine's Kafka records: the one implementation the Engine (signing)
 * and Central (verifying) share.
 *
 * <p>A signed record is the record's own JSON object with two extra members, {@code key_id} and
 * {@code signature}; readers that do not know them (the first implementation's Central) ignore
 * them. {@code signature} is the unpadded base64url HMAC-SHA256, under the CP's 256-bit key, of the
 * record's <em>canonical form</em>: the JSON object without its {@code signature} member (so
 * {@code key_id} is signed too), members sorted by name at every depth, no whitespace, strings as
 * Jackson writes them, numbers as Jackson reads and re-writes them. Canonicalising the parsed
 * value, rather than signing the exact bytes, keeps a signature valid whatever the serialiser's
 * member order or spacing, and a record stays one plain JSON object on the topic.
 */
public final class PayloadSignature {

    public static final String KEY_ID = "key_id";
    public static final String SIGNATURE = "signature";
    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();

    /** A key as Central issues it: an id that says which key signed, and the secret itself (base64url). */
    public record Key(String id, String secret) {
        public Key {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
        }

        /** Never the secret: keys are not to end up in logs. */
        @Override
        public String toString() {
            return "PayloadKey[" + id + "]";
        }
    }

    /** What a reader concludes about a record of a CP that must sign. */
    public enum Verdict {
        VALID(null),
        UNSIGNED("the record is not signed"),
        NOT_JSON("the record is not a JSON object"),
        NO_KEY("the charging point holds no payload key (revoked or never issued)"),
        STALE_KEY("the record is signed with a revoked or replaced payload key"),
        WRONG_SIGNATURE("the signature does not match the record");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public boolean isValid() {
            return this == VALID;
        }

        /** Why the record is refused; null when valid. */
        public String reason() {
            return reason;
        }
    }

    private PayloadSignature() {
    }

    /** A fresh random 256-bit key with a random id. */
    public static Key newKey() {
        byte[] secret = new byte[KEY_BYTES];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        return new Key("pk-" + HexFormat.of().formatHex(id), B64.encodeToString(secret));
    }

    /** {@code json} (one JSON object) with {@code key_id} and {@code signature} set for {@code key}. */
    public static String sign(String json, Key key) {
        ObjectNode tree = object(json);
        if (tree == null) {
            throw new IllegalArgumentException("Only a JSON object can be signed");
        }
        tree.put(KEY_ID, key.id());
        tree.remove(SIGNATURE);
        tree.put(SIGNATURE, mac(key.secret(), canonical(tree)));
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #sign(String, Key)} for UTF-8 bytes. */
    public static byte[] sign(byte[] json, Key key) {
        return sign(new String(json, StandardCharsets.UTF_8), key).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks a record against the key its CP holds now ({@code current} null when it holds none).
     * A record signed with any other key id is {@link Verdict#STALE_KEY}: revoking or replacing a
     * key is what makes its records unacceptable.
     */
    public static Verdict verify(String json, Key current) {
        ObjectNode tree = object(json);
        if (tree == null) {
            return Verdict.NOT_JSON;
        }
        JsonNode signature = tree.get(SIGNATURE);
        JsonNode keyId = tree.get(KEY_ID);
        if (signature == null || !signature.isTextual() || keyId == null || !keyId.isTextual()) {
            return current == null ? Verdict.NO_KEY : Verdict.UNSIGNED;
        }
        if (current == null) {
            return Verdict.NO_KEY;
        }
        if (!current.id().equals(keyId.asText())) {
            return Verdict.STALE_KEY;
        }
        tree.remove(SIGNATURE);
        byte[] expected = mac(current.secret(), canonical(tree)).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signature.asText().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Verdict.VALID : Verdict.WRONG_SIGNATURE;
    }

    /** The key id a record names, if any (for the log and the audit line; never trusted). */
    public static String keyIdOf(String json) {
        ObjectNode tree = object(json);
        JsonNode id = tree == null ? null : tree.get(KEY_ID);
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /** The canonical text of a JSON value: object members sorted by name, compact. */
    static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static ObjectNode object(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            return tree instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String mac(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(B64_IN.decode(secret), HMAC));
            return B64.encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot compute a payload signature", e);
        }
    }
}
