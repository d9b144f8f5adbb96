// Each form's error path: what was typed stays, every problem stands under its field in a sentence, the first
// field with a problem has focus, the summary is announced, and fixing a field takes its message away.
import { expect, test } from "./support/fixtures";
import { errorSummary, expectFieldError, expectFieldFine, screenshotForm } from "./support/forms";
import { CharterPage } from "./support/pages/charter-page";
import { MembersPage } from "./support/pages/members-page";
import { ReleaseFormPage } from "./support/pages/release-form-page";
import { digestOf as digest } from "./support/spaces";

test("the create-space form keeps every field on a bad slug and says why at the slug", async ({ me, unique }) => {
  const { page } = me;
  await page.goto("/spaces/new");
  await page.getByLabel("Slug").fill("No Good!");
  await page.getByLabel("Name").fill("Lumen Collective");
  await page.getByLabel("Description").fill("We build **small** models.");
  await page.getByLabel("Private: only members know it exists").check();
  await page.getByRole("button", { name: "Create space" }).click();

  const slug = page.getByLabel("Slug");
  await expectFieldError(slug, /lowercase|Lowercase/);
  await expect(slug).toBeFocused();
  await expect(errorSummary(page)).toContainText("Slug:");
  await expect(slug).toHaveValue("No Good!");
  await expect(page.getByLabel("Name")).toHaveValue("Lumen Collective");
  await expect(page.getByLabel("Description")).toHaveValue("We build **small** models.");
  await expect(page.getByLabel("Private: only members know it exists")).toBeChecked();
  await screenshotForm(page, "space");

  // Fixing the slug takes its message away at once; the space is then created.
  await slug.fill(`lumen-${unique}`);
  await expectFieldFine(slug);
  await page.getByRole("button", { name: "Create space" }).click();
  await page.waitForURL(/\/s\/lumen-/);
});

test("a form's fields wait for the page's script: disabled in the server's HTML, usable once hydrated", async ({ me }) => {
  const { page } = me;
  // Without its scripts the page is the server's HTML: typing there would be lost when the form hydrates.
  await page.route(/\/_next\/static\/.*\.js/, (route) => route.abort());
  await page.goto("/spaces/new");
  await expect(page.getByLabel("Name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Create space" })).toBeDisabled();
  await page.unroute(/\/_next\/static\/.*\.js/);
  await page.reload();
  await expect(page.getByLabel("Name")).toBeEnabled();
  await expect(page.getByRole("button", { name: "Create space" })).toBeEnabled();
});

test("the release form shows every problem at once at its field, reads 6.2 GB, and includes a licensed component", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  await page.goto(`/s/${slug}/releases/new`);
  await page.getByLabel("Model name").fill("bad name!");
  await page.getByLabel("Version").fill("1.0");
  await page.getByLabel("Summary (markdown)").fill("A summary I wrote.");
  const form = new ReleaseFormPage(page);
  await form.addArtifact();
  await form.fillArtifact(1, { name: "model.safetensors", kind: "weights", digest: digest("a") });
  await page.getByLabel("Artifact 1 size").fill("6.2 GB");
  await form.fillArtifact(2, { name: "tokenizer.json", kind: "tokenizer", digest: "sha256:abc" });
  await page.getByLabel("Artifact 2 size").fill("lots");
  // Typing a license ticks Include, and says so.
  await page.getByLabel("License of Technical report").fill("Apachee-2.0");
  await expect(page.getByLabel("Include Technical report")).toBeChecked();
  await expect(page.getByText("Included, since you typed a license.")).toBeVisible();
  await page.getByLabel("Registry links (one per line)").fill("not a reference at all");
  await page.getByRole("button", { name: "Propose release" }).click();

  // One submit, every problem, each at its field; the first (model name, 1,700 px above the button) has focus.
  const name = page.getByLabel("Model name");
  await expectFieldError(name, "Model names use letters, digits, dots, hyphens and underscores.");
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
  await expectFieldError(page.getByLabel("Artifact 2 digest"), /64 hex/);
  await expectFieldError(page.getByLabel("Artifact 2 size"), "“lots” is not a size.");
  await expectFieldFine(page.getByLabel("Artifact 1 size"));
  await expectFieldError(page.getByLabel("License of Technical report"), /Apachee-2\.0/);
  await expectFieldError(page.getByLabel("Registry links (one per line)"), /not a reference at all/);
  const summary = errorSummary(page);
  await expect(summary).toContainText("5 things need fixing");
  await expect(summary).not.toContainText("modelName");
  await expect(summary).not.toContainText("Invalid input");
  await expect(page.getByLabel("Summary (markdown)")).toHaveValue("A summary I wrote.");
  await screenshotForm(page, "release");

  // Fixed fields lose their messages as they are fixed; the rest stay.
  await name.fill("kestrel-3b");
  await expectFieldFine(name);
  await expectFieldError(page.getByLabel("Artifact 2 size"), "“lots” is not a size.");
  await page.getByLabel("Artifact 2 digest").fill(digest("b"));
  await page.getByLabel("Artifact 2 size").fill("512 MB");
  await page.getByLabel("License of Technical report").fill("Apache-2.0");
  await page.getByLabel("Registry links (one per line)").fill("");
  await page.getByRole("button", { name: "Propose release" }).click();
  await page.waitForURL(new RegExp(`/s/${slug}/releases/(?!new)[^/]+$`));
  await expect(page.getByRole("heading", { name: "kestrel-3b 1.0" })).toBeVisible();
});

test("the model card asks before replacing a summary that was typed", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  await page.goto(`/s/${slug}/releases/new`);
  await page.getByLabel("Summary (markdown)").fill("Mine.");
  await page.getByLabel("Model card (README.md with YAML front matter)").fill("---\nlicense: mit\n---\n\n# Card\n\nThe card's summary.\n");
  await page.getByRole("button", { name: "Prefill from model card" }).click();
  await expect(page.getByText("Replace the summary you typed with the model card's?")).toBeVisible();
  await expect(page.getByLabel("Summary (markdown)")).toHaveValue("Mine.");
  await page.getByRole("button", { name: "Keep mine" }).click();
  await expect(page.getByLabel("Summary (markdown)")).toHaveValue("Mine.");
});

test("the audit form keeps summary, methodology, evidence, category, verdict and severity when a finding has no title", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  const release = await me.api.post(`/api/v1/spaces/${slug}/releases`, {
    modelName: "audit-lm",
    version: "1.0",
    artifacts: [{ name: "model.safetensors", kind: "weights", digest: digest("c") }],
  });
  await page.goto(`/s/${slug}/audits/new?release=${release.id}`);
  await page.getByLabel("Category").selectOption("security");
  await page.getByLabel("Verdict").selectOption("fail");
  await page.getByLabel("Methodology").fill("Fuzzing the tokenizer.");
  await page.getByLabel("Summary (markdown)").fill("Two crashes.");
  await page.getByLabel("Evidence links").fill("https://example.org/run/1");
  await page.getByRole("button", { name: "Add a finding" }).click();
  await page.getByLabel("Finding 1 severity").selectOption("high");
  await page.getByRole("button", { name: "File the report" }).click();

  const title = page.getByLabel("Finding 1 title");
  await expectFieldError(title, "A finding needs a title.");
  await expect(title).toBeFocused();
  await expect(errorSummary(page)).toContainText("Finding 1 title: A finding needs a title.");
  await expect(errorSummary(page)).not.toContainText("findings.0");
  await expect(page.getByLabel("Category")).toHaveValue("security");
  await expect(page.getByLabel("Verdict")).toHaveValue("fail");
  await expect(page.getByLabel("Methodology")).toHaveValue("Fuzzing the tokenizer.");
  await expect(page.getByLabel("Summary (markdown)")).toHaveValue("Two crashes.");
  await expect(page.getByLabel("Evidence links")).toHaveValue("https://example.org/run/1");
  await expect(page.getByLabel("Finding 1 severity")).toHaveValue("high");
  await screenshotForm(page, "audit");

  await title.fill("Tokenizer crashes on long input");
  await expectFieldFine(title);
  await page.getByRole("button", { name: "File the report" }).click();
  await page.waitForURL(new RegExp(`/s/${slug}/audits/(?!new)[^/?]+$`));
});

test("a decision closes at a date and time, previewed against the charter; too soon is refused at the field", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  await page.goto(`/s/${slug}/decisions/new`);
  await page.getByLabel("Title").fill("Adopt a code of conduct");
  await page.getByLabel("Kind").selectOption("policy");
  const closes = page.getByLabel("Voting closes");
  await expect(page.getByTestId("closing-preview")).toContainText("Left empty, it closes");
  const soon = await page.evaluate(() => {
    const at = new Date(Date.now() + 2 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
  await closes.fill(soon);
  await expect(page.getByTestId("closing-preview")).toContainText(/Closes \w{3} \d{1,2} \w{3}, \d{2}:\d{2} your time, 2 h from now; the charter requires at least/);
  await page.getByRole("button", { name: "Open decision" }).click();
  await expectFieldError(closes, /only 2 h from now; the charter requires at least/);
  await expect(closes).toBeFocused();
  await expect(page.getByLabel("Title")).toHaveValue("Adopt a code of conduct");
  await screenshotForm(page, "decision");

  // A week later is inside the window: it opens, closing then.
  const week = await page.evaluate(() => {
    const at = new Date(Date.now() + 7 * 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
  await closes.fill(week);
  await expectFieldFine(closes);
  await page.getByRole("button", { name: "Open decision" }).click();
  await page.waitForURL(new RegExp(`/s/${slug}/decisions/(?!new)[^/]+$`));

  // Cancelling asks first, and for a reason the record keeps.
  await page.getByRole("button", { name: "Cancel decision" }).click();
  await expect(page.getByTestId("confirm-question")).toContainText("Cancel this decision?");
  const reason = page.getByLabel("Reason for cancelling");
  await expect(reason).toBeFocused();
  await page.getByRole("button", { name: "Yes, cancel the decision" }).click();
  await expectFieldError(reason, "Give a reason; the record keeps it.");
  await screenshotForm(page, "cancel-decision");
  await reason.fill("Opened by mistake");
  await page.getByRole("button", { name: "Yes, cancel the decision" }).click();
  await expect(page.getByText("Opened by mistake").first()).toBeVisible();
});

test("removing a member asks first; keeping them changes nothing", async ({ me, people, spaces }) => {
  const { page } = me;
  const space = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  const { slug } = space;
  const bob = await people.signIn("bob");
  await space.addMember(bob, "member");
  const members = new MembersPage(page);
  await members.goto(slug);
  await members.removeButton(bob.name).click();
  await expect(page.getByTestId("confirm-question")).toContainText(`Remove ${bob.name} from the space?`);
  await page.getByRole("button", { name: "Keep them" }).click();
  await expect(members.member(bob.name)).toBeVisible();
  await members.removeButton(bob.name).click();
  await page.getByRole("button", { name: `Yes, remove ${bob.name}` }).click();
  await expect(page.getByRole("status")).toContainText("was removed");
  await expect(members.member(bob.name)).toHaveCount(0);
});

test("the token form answers at the field when the token has no name", async ({ me }) => {
  const { page } = me;
  await page.goto("/settings");
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenName = page.getByLabel("Token name");
  await expectFieldError(tokenName, "Give the token a name.");
  await expect(tokenName).toBeFocused();
  await screenshotForm(page, "token");
});

test("the invitation form refuses more than 30 days at the field, the role picked staying picked", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  const members = new MembersPage(page);
  await members.goto(slug);
  await members.invitationRole().selectOption("auditor");
  const days = members.expiresAfter();
  await days.fill("90");
  await members.createInvitationButton().click();
  await expectFieldError(days, "An invitation lasts at most 30 days.");
  await expect(days).toBeFocused();
  await expect(members.invitationRole()).toHaveValue("auditor");
  await screenshotForm(page, "invitation");
  await days.fill("3");
  await members.createInvitationButton().click();
  await expect(members.inviteLink()).toContainText("/invite/");
});

test("the charter form refuses a minimum period longer than the maximum at the field, the reason kept", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  const charter = new CharterPage(page);
  await charter.goto(slug);
  const release = charter.releaseVotes();
  await release.getByLabel("Minimum voting period (hours)").fill("500");
  await charter.reason().fill("Longer votes");
  await charter.amendButton().click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused();
  await expect(charter.reason()).toHaveValue("Longer votes");
  await expect(release.getByLabel("Minimum voting period (hours)")).toHaveValue("500");
  await expect(errorSummary(page)).not.toContainText("decisions.release");
  await screenshotForm(page, "charter");
});

test("a ballot without a choice is refused at the choice, the reason kept", async ({ me, spaces }) => {
  const { page } = me;
  const { slug } = await spaces.create(me, { prefix: "forms", name: "Forms Collective" });
  await page.goto(`/s/${slug}/decisions/new`);
  await page.getByLabel("Title").fill("Adopt a logo");
  await page.getByRole("button", { name: "Open decision" }).click();
  await page.waitForURL(new RegExp(`/s/${slug}/decisions/(?!new)[^/]+$`));
  await page.getByLabel("Reason (optional; required for a veto)").fill("I like both.");
  await page.getByRole("button", { name: "Cast ballot" }).click();
  const yes = page.getByLabel("Yes", { exact: true });
  await expectFieldError(yes, "Choose how you vote.");
  await expect(yes).toBeFocused();
  // Three radios, one choice: one problem in the summary, named by the choice's legend.
  await expect(errorSummary(page)).toContainText("One thing needs fixing");
  await expect(errorSummary(page)).toContainText("Your vote (binding): Choose how you vote.");
  await expect(page.getByLabel("Reason (optional; required for a veto)")).toHaveValue("I like both.");
  await screenshotForm(page, "ballot");
  await yes.check();
  await expectFieldFine(yes);
  await page.getByRole("button", { name: "Cast ballot" }).click();
  await expect(page.getByTestId("receipt")).toContainText(/[0-9a-f]{64}/);
});
