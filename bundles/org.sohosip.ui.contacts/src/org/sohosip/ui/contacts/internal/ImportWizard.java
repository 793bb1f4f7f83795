// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.ContactService;
import org.sohosip.core.api.ImportPreview;
import org.sohosip.core.api.ImportProblem;
import org.sohosip.core.api.ImportResult;

/**
 * Import in two steps: choose a file, see the preview (new, duplicates, bad lines with their numbers), then Finish
 * imports all new entries or none. Both server calls run with the wizard's progress bar and Cancel button, off the
 * UI thread, so a 10,000-card file never freezes the window.
 */
public final class ImportWizard extends Wizard {

    private final ContactService service;
    private final FilePage file = new FilePage();
    private final PreviewPage preview = new PreviewPage();
    private @Nullable ImportResult result;

    ImportWizard(ContactService service) {
        this.service = service;
        setWindowTitle(Messages.Import_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(file);
        addPage(preview);
    }

    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() == preview && preview.shown != null;
    }

    @Override
    public boolean performFinish() {
        Path path = file.path();
        ImportResult done = run(path, m -> service.importFile(path, progress(m, path), m::isCanceled));
        if (done == null) {
            return false;
        }
        result = done;
        return true;
    }

    /** @return what the import stored, once finished */
    public @Nullable ImportResult result() {
        return result;
    }

    /** @return the file page (tests type the path there) */
    public FilePage filePage() {
        return file;
    }

    /** @return the preview page */
    public PreviewPage previewPage() {
        return preview;
    }

    /** Runs {@code work} off the UI thread with the wizard's progress bar; widgets must not be touched in it. */
    private <T> @Nullable T run(Path path, Function<IProgressMonitor, T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        String task = NLS.bind(Messages.Import_sending, path.getFileName());
        try {
            getContainer().run(true, true, monitor -> {
                monitor.beginTask(task, 1000);
                out.set(work.apply(monitor));
                monitor.done();
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ((WizardPage) getContainer().getCurrentPage()).setErrorMessage(cause.getMessage());
            return null;
        } catch (InterruptedException e) {
            return null;
        }
        return out.get();
    }

    private static java.util.function.BiConsumer<Long, Long> progress(IProgressMonitor monitor, Path path) {
        int[] reported = { 0 };
        return (sent, total) -> {
            int now = total <= 0 ? 1000 : (int) (sent * 1000 / total);
            if (now > reported[0]) {
                monitor.worked(now - reported[0]);
                reported[0] = now;
            }
            if (sent >= total) {
                monitor.subTask(Messages.Import_importing);
            }
        };
    }

    /** Step 1: the file. Going on runs the preview. */
    public final class FilePage extends WizardPage {
        private Text path;

        FilePage() {
            super("file");
            setTitle(Messages.Import_fileTitle);
            setDescription(Messages.Import_fileText);
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText(Messages.Import_file);
            path = new Text(c, SWT.BORDER | SWT.SINGLE);
            GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(path);
            Button browse = new Button(c, SWT.PUSH);
            browse.setText(Messages.Import_browse);
            browse.addListener(SWT.Selection, e -> {
                FileDialog d = new FileDialog(getShell(), SWT.OPEN);
                d.setFilterExtensions(new String[] { "*.vcf;*.vcard;*.csv", "*.*" });
                String chosen = d.open();
                if (chosen != null) {
                    path.setText(chosen);
                }
            });
            path.addModifyListener(e -> {
                boolean exists = !path.getText().isBlank() && Files.isRegularFile(Path.of(path.getText().strip()));
                setErrorMessage(exists || path.getText().isBlank() ? null : Messages.Import_noFile);
                setPageComplete(exists);
            });
            setControl(c);
        }

        Path path() {
            return Path.of(path.getText().strip());
        }

        /** @return the path field */
        public Text pathField() {
            return path;
        }

        /** Next is possible once the file exists; the preview itself runs only when Next is pressed. */
        @Override
        public boolean canFlipToNextPage() {
            return isPageComplete();
        }

        @Override
        public @Nullable IWizardPage getNextPage() {
            if (getContainer() == null || getContainer().getCurrentPage() != this || !isPageComplete()) {
                return preview;
            }
            Path p = path();
            ImportPreview shown = run(p, m -> service.previewImport(p, progress(m, p), m::isCanceled));
            if (shown == null) {
                return null;
            }
            preview.show(shown);
            return preview;
        }
    }

    /** Step 2: what would happen. */
    public final class PreviewPage extends WizardPage {
        private Label summary;
        private TableViewer problems;
        @Nullable ImportPreview shown;

        PreviewPage() {
            super("preview");
            setTitle(Messages.Import_previewTitle);
            setDescription(Messages.Import_previewText);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(1, false));
            summary = new Label(c, SWT.WRAP);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
            problems = new TableViewer(c, SWT.BORDER | SWT.FULL_SELECTION);
            problems.getTable().setHeaderVisible(true);
            column(Messages.Import_line, 60, p -> String.valueOf(p.line()));
            column(Messages.Import_problem, 480, ImportProblem::message);
            problems.setContentProvider(ArrayContentProvider.getInstance());
            GridDataFactory.fillDefaults().grab(true, true).hint(560, 220).applyTo(problems.getControl());
            setControl(c);
        }

        private void column(String title, int width, Function<ImportProblem, String> text) {
            TableViewerColumn col = new TableViewerColumn(problems, SWT.NONE);
            col.getColumn().setText(title);
            col.getColumn().setWidth(width);
            col.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text.apply((ImportProblem) element);
                }
            });
        }

        void show(ImportPreview p) {
            shown = p;
            summary.setText(NLS.bind(Messages.Import_summary, new Object[] { p.entries(), p.newEntries(),
                    p.duplicates(), p.invalid() }));
            problems.setInput(p.problems());
            summary.getParent().layout(true, true);
        }

        /** @return the summary line */
        public String summaryText() {
            return summary.getText();
        }

        /** @return the problem rows: line and message */
        public TableViewer problems() {
            return problems;
        }
    }
}
