package io.athanor.orm.sync;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Genre;
import io.athanor.orm.model.loading.Track;

/** Run in a JVM started with {@code -javaagent}: prints whether the loading model was enhanced as it loaded. */
public final class AgentProbe {
    private AgentProbe() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.builder("h2:mem:agent_probe").build()) {
            SessionFactory.builder(engine).entities(Album.class, Genre.class, Track.class).build();
            Album album = new Album("Abbey Road");
            Track track = new Track("Something", 2, album);
            Genre rock = new Genre("Rock");
            album.getGenres().add(rock);
            // the result goes to the parent process, which reads this JVM's output
            System.out.println("enhanced=" + EntityEnhancer.isEnhanced(Album.class)
                    + " tracks=" + album.getTracks().contains(track)
                    + " albums=" + rock.getAlbums().contains(album));
        }
    }
}
