// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.sohosip.media.MediaException;

/**
 * The player's controls: Play/Pause, a seek bar, the time, the waveform, and a line that says plainly where the
 * sound goes (the speaker, or a file when the computer has no sound device). It follows the {@link Player} on the UI
 * thread.
 */
final class PlayerPanel {

    /** The seek bar counts in steps of this many milliseconds. */
    static final int STEP_MILLIS = 100;

    private final Player player;
    private final Button play;
    private final Scale seek;
    private final Label time;
    private final Waveform waveform;
    private final Label device;
    private Runnable started = () -> {
    };

    /**
     * @param parent the parent (a grid of one column is made inside)
     * @param player the player it drives
     * @param failed told the sentence to show when playing fails
     */
    PlayerPanel(Composite parent, Player player, Consumer<String> failed) {
        this.player = player;
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(c);
        play = new Button(c, SWT.PUSH);
        play.setText(Messages.Voicemail_play);
        play.setEnabled(false);
        play.addListener(SWT.Selection, e -> toggle(failed));
        seek = new Scale(c, SWT.HORIZONTAL);
        seek.setMinimum(0);
        seek.setMaximum(1);
        seek.setEnabled(false);
        seek.addListener(SWT.Selection, e -> player.seek((long) seek.getSelection() * STEP_MILLIS));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(seek);
        time = new Label(c, SWT.NONE);
        time.setText("0:00 / 0:00    ");
        waveform = new Waveform(c, player::seek);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(Waveform.preferred())
                .applyTo(waveform.control());
        device = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(device);
        showDevice();
        player.addListener((at, on) -> c.getDisplay().asyncExec(() -> {
            if (!c.isDisposed()) {
                show(at, on);
            }
        }));
    }

    /** @param r run on the UI thread each time playing starts (the part marks the message heard) */
    void onStart(Runnable r) {
        started = r;
    }

    /** Shows a message ready to play, or nothing when {@code pcm} is empty. */
    void load(short[] pcm) {
        player.load(pcm);
        waveform.show(pcm);
        int steps = (int) Math.max(1, player.lengthMillis() / STEP_MILLIS);
        seek.setMaximum(steps);
        seek.setPageIncrement(Math.max(1, steps / 10));
        seek.setSelection(0);
        play.setEnabled(pcm.length > 0);
        seek.setEnabled(pcm.length > 0);
        show(0, false);
    }

    /** Plays, or pauses while playing. */
    void toggle(Consumer<String> failed) {
        if (player.playing()) {
            player.pause();
            return;
        }
        try {
            player.play();
            started.run();
        } catch (MediaException e) {
            failed.accept(NLS.bind(Messages.Voicemail_playbackFailed, e.getMessage()));
        }
    }

    /** Says plainly where the sound goes: the speaker, or the file when there is no sound device. */
    private void showDevice() {
        String text = player.noDevice() ? NLS.bind(Messages.Voicemail_noDevice, player.fileSink())
                : player.speakerFailure().map(why -> NLS.bind(Messages.Voicemail_deviceFailed, why,
                        player.fileSink())).orElse(Messages.Voicemail_speaker);
        if (!text.equals(device.getText())) {
            device.setText(text);
            device.getParent().layout(true, true);
        }
    }

    private void show(long at, boolean on) {
        showDevice();
        play.setText(on ? Messages.Voicemail_pause : Messages.Voicemail_play);
        seek.setSelection((int) (at / STEP_MILLIS));
        time.setText(Labels.duration(at) + " / " + Labels.duration(player.lengthMillis()));
        time.getParent().layout(new org.eclipse.swt.widgets.Control[] { time });
        waveform.position(at);
    }

    Button playButton() {
        return play;
    }

    Scale seekBar() {
        return seek;
    }

    Waveform waveform() {
        return waveform;
    }

    String deviceText() {
        return device.getText();
    }

    String timeText() {
        return time.getText();
    }
}
