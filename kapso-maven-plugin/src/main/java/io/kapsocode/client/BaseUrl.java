package io.kapsocode.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Checks the API base URL: {@code https}, except on the local machine where the emulator runs. */
public final class BaseUrl {

    /** Kapso's Platform API. */
    public static final URI KAPSO = URI.create("https://api.kapso.ai/platform/v1");

    private BaseUrl() {}

    /**
     * @throws IllegalArgumentException naming the problem and the fix, for a URL that would send the
     *     API key in clear text over a network, or that is not absolute
     */
    public static URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Kapso base URL '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the Kapso base URL '" + url + "' must be absolute, such as " + KAPSO);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("the Kapso base URL '" + url + "' uses plain http to "
                    + uri.getHost() + ", which would send the API key unencrypted; use https (plain http is"
                    + " accepted only for localhost, where the emulator runs)");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literal addresses: a name is never resolved here, so DNS cannot turn it into loopback
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
