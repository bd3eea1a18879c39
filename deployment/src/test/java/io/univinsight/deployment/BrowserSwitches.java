package io.univinsight.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The switches the crawler gives a browser it launches so that a request escaping its interception
 * reaches nothing (no name resolves, a dead proxy), read from the crawler's HeadlessBrowser: a browser
 * the crawler only connects to (the k8s sidecar, the compose service) must be started with the same.
 */
public final class BrowserSwitches {
    private static final Pattern WALL = Pattern.compile("\"(--(?:host-resolver-rules|proxy-server|proxy-bypass-list)=[^\"]*)\"");

    private BrowserSwitches() {
    }

    public static List<String> secondWall() {
        String launcher;
        try {
            launcher = Files.readString(ProjectRoot.get().resolve("crawler-service/src/main/java/io/univinsight/crawler/render/HeadlessBrowser.java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> wall = new ArrayList<>();
        for (Matcher m = WALL.matcher(launcher); m.find(); ) {
            wall.add(m.group(1));
        }
        if (wall.size() != 3) {
            throw new IllegalStateException("HeadlessBrowser no longer launches with the three switches looked for: " + wall);
        }
        return wall;
    }
}
