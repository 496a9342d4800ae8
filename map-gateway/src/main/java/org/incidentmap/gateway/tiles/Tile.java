package org.incidentmap.gateway.tiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A tile's bytes, the event log seq it reflects, and its entity tag: a hash of the bytes, so that
 * equal tiles have equal tags on every replica and a changed tile never keeps its old tag.
 */
record Tile(byte[] mvt, long seq, String etag) {

    static Tile of(byte[] mvt, long seq) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(mvt);
            String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
            return new Tile(mvt, seq, '"' + tag + '"');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same tile, known to reflect {@code seq} too. */
    Tile asOf(long later) {
        return later <= seq ? this : new Tile(mvt, later, etag);
    }

    /** Whether an If-None-Match header names this tile ("*", a list, weak or strong tags). */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Bytes held in memory for the weigher: the tile and its tag. */
    int weight() {
        return mvt.length + etag.getBytes(StandardCharsets.US_ASCII).length;
    }
}
