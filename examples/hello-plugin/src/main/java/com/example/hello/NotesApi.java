package com.example.hello;

import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;
import io.trestle.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny in-memory notes API, one {@code @Route} per method. The notes live as long as this
 * version of the jar: replacing or removing the jar starts afresh.
 *
 * <pre>
 * curl -s localhost:8080/api/notes
 * curl -s -X POST localhost:8080/api/notes -H 'Content-Type: application/json' -d '{"text":"buy milk"}'
 * curl -s localhost:8080/api/notes/1
 * curl -s -X DELETE localhost:8080/api/notes/1
 * </pre>
 */
public final class NotesApi {
    static final int MAX_TEXT = 1000;

    /** What a client sends to create a note. */
    public record NewNote(String text) {
    }

    /** A stored note. */
    public record Note(long id, String text) {
    }

    private final Map<Long, Note> notes = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Route(path = "/api/notes")
    public void list(Request req, Response res) {
        res.json(List.copyOf(notes.values()));
    }

    @Route(path = "/api/notes/{id}")
    public void one(Request req, Response res) {
        res.json(find(req));
    }

    @Route(path = "/api/notes", methods = Method.POST, maxBodySize = 4096)
    public void create(Request req, Response res) {
        NewNote input = req.bodyAs(NewNote.class);
        if (input.text() == null || input.text().isBlank()) {
            throw new HttpException(Status.BAD_REQUEST, "a note needs a non-empty \"text\"");
        }
        if (input.text().length() > MAX_TEXT) {
            throw new HttpException(Status.BAD_REQUEST, "a note has at most " + MAX_TEXT + " characters");
        }
        Note note = new Note(ids.incrementAndGet(), input.text().strip());
        notes.put(note.id(), note);
        res.status(Status.CREATED).header("Location", "/api/notes/" + note.id());
        res.json(note);
    }

    @Route(path = "/api/notes/{id}", methods = Method.DELETE)
    public void delete(Request req, Response res) {
        notes.remove(find(req).id());
        res.status(Status.NO_CONTENT);
        res.send(new byte[0]);
    }

    private Note find(Request req) {
        String id = req.pathParam("id");
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new HttpException(Status.BAD_REQUEST, "a note id is a number, not '" + id + "'");
        }
        Note note = notes.get(key);
        if (note == null) {
            throw new HttpException(Status.NOT_FOUND, "no note " + key);
        }
        return note;
    }
}
