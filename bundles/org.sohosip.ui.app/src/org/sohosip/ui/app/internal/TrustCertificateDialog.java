// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.ServerCertificate;

/** Shows a new server's certificate fingerprint; "Trust" is the default button. */
public final class TrustCertificateDialog extends Dialog {

    private final ServerCertificate certificate;
    private @Nullable Text fingerprint;

    /**
     * @param parent      the login dialog's shell
     * @param certificate what the server presented
     */
    public TrustCertificateDialog(@Nullable Shell parent, ServerCertificate certificate) {
        super(parent);
        this.certificate = certificate;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.TrustDialog_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(NLS.bind(Messages.TrustDialog_intro, certificate.host(), String.valueOf(certificate.port())));
        GridDataFactory.fillDefaults().span(2, 1).hint(520, SWT.DEFAULT).applyTo(intro);
        new Label(area, SWT.NONE).setText(Messages.TrustDialog_fingerprint);
        Text fp = new Text(area, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        fp.setText(certificate.fingerprint());
        fp.setFont(parent.getDisplay().getSystemFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(fp);
        fingerprint = fp;
        new Label(area, SWT.NONE).setText(Messages.TrustDialog_subject);
        new Label(area, SWT.WRAP).setText(certificate.subject());
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());
        new Label(area, SWT.NONE).setText(Messages.TrustDialog_validity);
        new Label(area, SWT.NONE).setText(NLS.bind(Messages.TrustDialog_validityRange,
                f.format(certificate.notBefore()), f.format(certificate.notAfter())));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.TrustDialog_trust, true).setFocus();
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.TrustDialog_cancel, false);
    }

    /** @return the text showing the fingerprint (for tests) */
    public @Nullable Text fingerprintText() {
        return fingerprint;
    }
}
