package org.incidentmap.incident.sources;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which feed URLs the service may fetch: http or https to public addresses only, unless
 * configuration allows loopback or private ones. Every address the host resolves to is checked,
 * and the fetch connects to the checked address, so a name that resolves elsewhere later gains nothing.
 */
final class UrlGuard {

    /** Why a URL is refused, for the field error or the source's last error. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** A URL that passed, with the address to connect to. */
    record Target(URI uri, String host, int port, boolean ssl, InetAddress address) {
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    UrlGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** The URL's form alone: scheme, host, no user info. Does no look-up. */
    static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user information");
        }
        return uri;
    }

    /** Resolves the host (blocking: call it off the event loop) and checks every address. */
    Target check(String url) throws Refused {
        URI uri = parse(url);
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            String why = refusal(a);
            if (why != null) {
                throw new Refused("host " + host + " resolves to " + a.getHostAddress() + ", " + why);
            }
        }
        boolean ssl = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : ssl ? 443 : 80;
        return new Target(uri, bare, port, ssl, addresses[0]);
    }

    private String refusal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address, which this service does not fetch";
        }
        boolean nonPublic = a.isAnyLocalAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isMulticastAddress() || uniqueLocal(a) || sharedOrReserved(a);
        return nonPublic && !allowPrivate ? "a private or reserved address, which this service does not fetch" : null;
    }

    /** fc00::/7, IPv6's private range, which InetAddress does not flag. */
    private static boolean uniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 and 240.0.0.0/4. */
    private static boolean sharedOrReserved(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return false;
        }
        byte[] b = a.getAddress();
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        return b0 == 0 || b0 >= 240 || b0 == 100 && (b1 & 0xc0) == 64
                || b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0 || b0 == 198 && (b1 & 0xfe) == 18;
    }
}
