// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.MessageWaitingState;
import org.sohosip.client.core.Telephony;
import org.sohosip.client.core.VoicemailService;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/**
 * The user's voicemail: folders (new, old, saved) on the left, the folder's messages, and a player for the chosen
 * one with its waveform. Playing a new message marks it heard, the same flag the phone menu uses; the message can
 * be marked heard or unheard, moved, deleted (with undo), saved as WAV and called back. The list follows message
 * waiting: when the server says the count of new messages changed, the folder loads again.
 */
public final class VoicemailPart {

    /** Context name of the file that playback goes to when there is no sound device. */
    public static final String FILE_SINK = "org.sohosip.ui.voicemail.fileSink";

    private static final String WORKER_THREAD = "SOHOSIP voicemail";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

    private final ZoneId zone = ZoneId.systemDefault();
    private @Nullable VoicemailService voicemail;
    private @Nullable MessageWaiting waiting;
    private @Nullable ContactService contacts;
    private @Nullable Telephony telephony;
    private final Consumer<MessageWaitingState> waitingChanged = s -> ui(() -> waitingChanged(s));
    private final Runnable phonebookChanged = () -> ui(() -> this.viewer.refresh(true));

    private org.eclipse.swt.widgets.List folders;
    private TableViewer viewer;
    private Combo moveTarget;
    private Button undo;
    private Label status;
    private Player player;
    private PlayerPanel panel;
    private VoicemailFolder folder = VoicemailFolder.NEW;
    private List<VoicemailMessage> messages = new ArrayList<>();
    private @Nullable VoicemailMessage loaded;
    private @Nullable VoicemailMessage deleted;
    private @Nullable MailboxSettingsDialog settings;
    private int newCount = -1;
    private int loads;
    private int generation;
    private boolean loading;

    @PostConstruct
    void create(Composite parent, AudioEndpoints audio, @org.eclipse.e4.core.di.annotations.Optional
            @Named(FILE_SINK) @Nullable Path fileSink) {
        // in the user's own client folder, not a shared temporary one where another user could plant a link
        player = new Player(audio, fileSink != null ? fileSink
                : KnownServersFile.userFolder().resolve("voicemail-playback.wav"));
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        folders = new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(false, true).hint(130, SWT.DEFAULT).applyTo(folders);
        showFolderLabels();
        folders.select(0);
        folders.addListener(SWT.Selection, e -> {
            folder = VoicemailFolder.values()[Math.max(0, folders.getSelectionIndex())];
            refresh();
        });

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.Column_caller, 220, m -> Labels.caller(m, Optional.ofNullable(contacts)));
        column(Messages.Column_received, 180, m -> TIME.format(m.receivedAt().atZone(zone)));
        column(Messages.Column_duration, 80, m -> Labels.duration(m.durationMillis()));
        column(Messages.Column_heard, 70, Labels::heard);
        column(Messages.Column_urgent, 70, Labels::urgent);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(e -> open(selected()));
        viewer.addDoubleClickListener(e -> panel.toggle(this::say));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());

        Composite bottom = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(bottom);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(bottom);
        panel = new PlayerPanel(bottom, player, this::say);
        panel.onStart(this::markHeardOnPlay);
        actions(bottom);
        status = new Label(bottom, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        refresh();
    }

    private void actions(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(11).applyTo(row);
        button(row, Messages.Voicemail_heard, () -> move(VoicemailFolder.OLD, Messages.Voicemail_markedHeard));
        button(row, Messages.Voicemail_unheard, () -> move(VoicemailFolder.NEW, Messages.Voicemail_markedUnheard));
        new Label(row, SWT.NONE).setText(Messages.Voicemail_moveTo);
        moveTarget = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (VoicemailFolder f : VoicemailFolder.values()) {
            moveTarget.add(Labels.folder(f));
        }
        moveTarget.select(VoicemailFolder.SAVED.ordinal());
        button(row, Messages.Voicemail_move, () -> {
            VoicemailFolder f = VoicemailFolder.values()[Math.max(0, moveTarget.getSelectionIndex())];
            move(f, NLS.bind(Messages.Voicemail_moved, Labels.folder(f)));
        });
        button(row, Messages.Voicemail_delete, this::delete);
        undo = button(row, Messages.Voicemail_undo, this::undoDelete);
        undo.setEnabled(false);
        button(row, Messages.Voicemail_save, this::saveWithDialog);
        button(row, Messages.Voicemail_callBack, this::callBack);
        button(row, Messages.Voicemail_refresh, this::refresh);
        button(row, Messages.Voicemail_settings, this::openSettings);
    }

    /** Loads the mailbox settings in the background and opens them in a dialog. */
    public void openSettings() {
        VoicemailService v = voicemail;
        if (v == null) {
            say(NLS.bind(Messages.Voicemail_settingsFailed, Messages.Voicemail_noService));
            return;
        }
        Background.run(viewer.getControl(), WORKER_THREAD, v::settings, current -> {
            MailboxSettingsDialog d = new MailboxSettingsDialog(viewer.getControl().getShell(), current,
                    v::updateSettings);
            d.create();
            d.getShell().addListener(SWT.Dispose, e -> {
                settings = null;
                if (d.saved() != null) {
                    say(Messages.Voicemail_settingsSaved);
                }
            });
            settings = d;
            d.open();
        }, e -> say(NLS.bind(Messages.Voicemail_settingsFailed, e.getMessage())));
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void column(String title, int width, Function<VoicemailMessage, String> text) {
        Columns.add(viewer, title, width, text);
    }

    @Inject
    void services(@org.eclipse.e4.core.di.annotations.Optional @Nullable VoicemailService v,
            @org.eclipse.e4.core.di.annotations.Optional @Nullable Telephony t) {
        boolean again = v != voicemail && viewer != null && !viewer.getControl().isDisposed();
        voicemail = v;
        telephony = t;
        if (again) {
            refresh();
        }
    }

    @Inject
    void messageWaiting(@org.eclipse.e4.core.di.annotations.Optional @Nullable MessageWaiting w) {
        MessageWaiting old = waiting;
        if (old == w) {
            return;
        }
        if (old != null) {
            old.removeListener(waitingChanged);
        }
        if (w != null) {
            w.addListener(waitingChanged);
            newCount = w.state().newMessages();
        }
        waiting = w;
    }

    @Inject
    void phonebook(@org.eclipse.e4.core.di.annotations.Optional @Nullable ContactService c) {
        ContactService old = contacts;
        if (old == c) {
            return;
        }
        if (old != null) {
            old.removeListener(phonebookChanged);
        }
        if (c != null) {
            c.addListener(phonebookChanged);
        }
        contacts = c;
        if (viewer != null) {
            phonebookChanged.run();
        }
    }

    /**
     * More new messages than before means a message was left: load again, quietly (the status line keeps what the
     * user last did). Fewer is a message heard or deleted, here or on the phone; the list keeps it until the next
     * load, so a message does not vanish from under the user while it plays.
     */
    private void waitingChanged(MessageWaitingState s) {
        showFolderLabels();
        if (!s.known()) {
            return;
        }
        boolean more = s.newMessages() > newCount;
        newCount = s.newMessages();
        if (more && !loading) {
            load(true);
        }
    }

    private void showFolderLabels() {
        MessageWaitingState s = waiting == null ? MessageWaitingState.UNKNOWN : waiting.state();
        String[] items = new String[VoicemailFolder.values().length];
        for (VoicemailFolder f : VoicemailFolder.values()) {
            String name = Labels.folder(f);
            items[f.ordinal()] = f == VoicemailFolder.NEW && s.newMessages() > 0
                    ? NLS.bind(Messages.Folder_count, name, s.newMessages()) : name;
        }
        int sel = folders.getSelectionIndex();
        folders.setItems(items);
        folders.select(Math.max(0, sel));
    }

    /** Loads the chosen folder's messages in the background; a newer load wins over an older one. */
    public void refresh() {
        load(false);
    }

    private void load(boolean quietly) {
        VoicemailService v = voicemail;
        int mine = ++generation;
        if (v == null) {
            say(NLS.bind(Messages.Voicemail_failed, Messages.Voicemail_noService));
            return;
        }
        VoicemailFolder f = folder;
        loading = true;
        loads++;
        if (!quietly) {
            say(Messages.Voicemail_loading);
        }
        Background.run(viewer.getControl(), WORKER_THREAD, () -> {
            List<VoicemailMessage> list = v.messages(f);
            v.counts(); // message waiting learns the counts too, also without a SIP subscription
            return list;
        }, list -> {
            if (mine == generation) {
                loading = false;
                messages = new ArrayList<>(list);
                viewer.setInput(messages);
                if (!quietly) {
                    say(list.isEmpty() ? NLS.bind(Messages.Voicemail_empty, Labels.folder(f))
                            : NLS.bind(Messages.Voicemail_count, list.size(), Labels.folder(f)));
                }
            }
        }, e -> {
            if (mine == generation) {
                loading = false;
                say(NLS.bind(Messages.Voicemail_failed, e.getMessage()));
            }
        });
    }

    private @Nullable VoicemailMessage selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof VoicemailMessage m ? m : null;
    }

    /** Fetches the chosen message's audio (in the background) and puts it into the player. */
    private void open(@Nullable VoicemailMessage m) {
        VoicemailService v = voicemail;
        if (m == null || v == null || loaded != null && loaded.id() == m.id()) {
            return;
        }
        loaded = m;
        panel.load(new short[0]);
        say(NLS.bind(Messages.Voicemail_fetching, 0));
        long size = 44 + m.durationMillis() * 16;
        Background.run(viewer.getControl(), WORKER_THREAD, () -> {
            Path wav = v.audio(m.id(), n -> ui(() -> {
                if (loaded == m) {
                    say(NLS.bind(Messages.Voicemail_fetching, Math.min(100, n * 100 / Math.max(1, size))));
                }
            }));
            try {
                return Player.read(player.audio(), wav);
            } catch (org.sohosip.media.MediaException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, pcm -> {
            if (loaded == m) {
                panel.load(pcm);
                say(NLS.bind(Messages.Voicemail_ready, Labels.caller(m, Optional.ofNullable(contacts)),
                        Labels.duration(m.durationMillis())));
            }
        }, e -> {
            if (loaded == m) {
                loaded = null;
                say(NLS.bind(Messages.Voicemail_fetchFailed, e.getMessage()));
            }
        });
    }

    /** Playing a new message marks it heard, as listening on the phone does. */
    private void markHeardOnPlay() {
        VoicemailMessage m = loaded;
        if (m != null && current(m).folder() == VoicemailFolder.NEW) {
            change(() -> voicemailOrFail().move(m.id(), VoicemailFolder.OLD), this::replace, null);
        }
    }

    private void move(VoicemailFolder to, String done) {
        VoicemailMessage m = selected();
        if (m != null) {
            change(() -> voicemailOrFail().move(m.id(), to), this::replace, done);
        }
    }

    private void delete() {
        VoicemailMessage m = selected();
        if (m == null) {
            return;
        }
        change(() -> {
            voicemailOrFail().delete(m.id());
            return m;
        }, gone -> {
            messages.removeIf(x -> x.id() == gone.id());
            viewer.refresh();
            if (loaded != null && loaded.id() == gone.id()) {
                loaded = null;
                panel.load(new short[0]);
            }
            deleted = gone;
            undo.setEnabled(true);
        }, NLS.bind(Messages.Voicemail_deleted, Labels.caller(m, Optional.ofNullable(contacts))));
    }

    private void undoDelete() {
        VoicemailMessage m = deleted;
        if (m == null) {
            return;
        }
        change(() -> voicemailOrFail().restore(m.id()), back -> {
            deleted = null;
            undo.setEnabled(false);
            refresh();
        }, NLS.bind(Messages.Voicemail_restored, Labels.caller(m, Optional.ofNullable(contacts))));
    }

    /** Runs a change in the background, then {@code then} and the sentence on the UI thread. */
    private <T> void change(Supplier<T> work, Consumer<T> then, @Nullable String done) {
        Background.run(viewer.getControl(), WORKER_THREAD, work, r -> {
            then.accept(r);
            if (done != null) {
                say(done);
            }
        }, e -> say(NLS.bind(Messages.Voicemail_changeFailed, e.getMessage())));
    }

    private VoicemailService voicemailOrFail() {
        VoicemailService v = voicemail;
        if (v == null) {
            throw new IllegalStateException(Messages.Voicemail_noService);
        }
        return v;
    }

    /** Puts the message as the server now has it into the list, where it was (the folder shows until reloaded). */
    private void replace(VoicemailMessage m) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id() == m.id()) {
                messages.set(i, m);
            }
        }
        VoicemailMessage l = loaded;
        if (l != null && l.id() == m.id()) {
            loaded = m;
        }
        viewer.refresh(true);
    }

    private VoicemailMessage current(VoicemailMessage m) {
        return messages.stream().filter(x -> x.id() == m.id()).findFirst().orElse(m);
    }

    private void saveWithDialog() {
        VoicemailMessage m = selected();
        if (m == null) {
            return;
        }
        FileDialog d = new FileDialog(viewer.getControl().getShell(), SWT.SAVE);
        d.setText(Messages.Voicemail_saveTitle);
        d.setFilterExtensions(new String[] { "*.wav", "*" });
        d.setFileName("voicemail-" + m.caller().replaceAll("[^0-9A-Za-z+]", "_") + "-"
                + m.receivedAt().atZone(zone).toLocalDate() + ".wav");
        d.setOverwrite(true);
        String file = d.open();
        if (file != null) {
            saveAs(Path.of(file));
        }
    }

    /**
     * Saves the selected message as a WAV file (in the background) and says so in the status line.
     *
     * @param file where to write
     */
    public void saveAs(Path file) {
        VoicemailMessage m = selected();
        if (m != null) {
            change(() -> {
                voicemailOrFail().saveAsWav(m.id(), file);
                return file;
            }, f -> {
            }, NLS.bind(Messages.Voicemail_saved, file));
        }
    }

    /** Calls the selected message's caller through the softphone. */
    public void callBack() {
        VoicemailMessage m = selected();
        Telephony t = telephony;
        if (m == null) {
            return;
        }
        if (t == null) {
            say(Messages.Voicemail_noPhone);
            return;
        }
        String target = m.caller();
        say(NLS.bind(Messages.Voicemail_calling, target));
        Background.run(viewer.getControl(), WORKER_THREAD, () -> t.dial(target), call -> {
        }, x -> say(NLS.bind(Messages.Voicemail_dialFailed, target, x.getMessage())));
    }

    private void say(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout(true, true);
        }
    }

    /** Runs on the UI thread unless the part is gone. */
    private void ui(Runnable r) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                r.run();
            }
        });
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    void dispose() {
        MessageWaiting w = waiting;
        if (w != null) {
            w.removeListener(waitingChanged);
        }
        waiting = null;
        ContactService c = contacts;
        if (c != null) {
            c.removeListener(phonebookChanged);
        }
        contacts = null;
        player.close();
    }

    // ---- for tests ----

    /** @return the message table */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the open mailbox settings dialog, or {@code null} */
    public @Nullable MailboxSettingsDialog settingsDialog() {
        return settings;
    }

    /** @return the folder list */
    public org.eclipse.swt.widgets.List folders() {
        return folders;
    }

    /** @return the status line */
    public String statusText() {
        return status.getText();
    }

    /** @return the line that says where the sound goes */
    public String deviceText() {
        return panel.deviceText();
    }

    /** @return the Play/Pause button */
    public Button playButton() {
        return panel.playButton();
    }

    /** @return the Undo delete button */
    public Button undoButton() {
        return undo;
    }

    /** @return whether a folder is loading */
    public boolean isLoading() {
        return loading;
    }

    /** @return how many folder loads were started */
    public int loads() {
        return loads;
    }

    /** @return whether the player plays now */
    public boolean isPlaying() {
        return player.playing();
    }

    /** @return the played position in milliseconds */
    public long positionMillis() {
        return player.positionMillis();
    }

    /** @return the length of the message in the player, in milliseconds (0 while none is ready) */
    public long loadedMillis() {
        return player.lengthMillis();
    }

    /** @return how many columns of the waveform show sound */
    public int waveformLoudColumns() {
        return panel.waveform().loudColumns();
    }

    /** @return the seek bar position in its steps */
    public int seekPosition() {
        return panel.seekBar().getSelection();
    }

    /** Deletes the selected message (as the Delete button does). */
    public void deleteSelected() {
        delete();
    }

    /** Brings the last deleted message back (as the Undo button does). */
    public void undo() {
        undoDelete();
    }

    /** @param to where the selected message goes (as Move does) */
    public void moveSelected(VoicemailFolder to) {
        move(to, NLS.bind(Messages.Voicemail_moved, Labels.folder(to)));
    }
}
