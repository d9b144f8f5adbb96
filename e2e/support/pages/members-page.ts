// /s/<slug>/members: the member list, invitation links and role changes.
import type { Page } from "@playwright/test";
import type { Role } from "../spaces";

export class MembersPage {
  constructor(private readonly page: Page) {}

  readonly createInvitationButton = () => this.page.getByRole("button", { name: "Create invitation link" });
  readonly invitationRole = () => this.page.getByLabel("Role", { exact: true });
  readonly expiresAfter = () => this.page.getByLabel("Expires after (days)");
  readonly inviteLink = () => this.page.getByTestId("invite-link");
  readonly invitation = (role: Role) => this.page.getByTestId(`invitation-${role}`);
  readonly member = (name: string) => this.page.getByTestId(`member-${name}`);
  readonly roleOf = (name: string) => this.page.getByLabel(`Role of ${name}`);
  readonly removeButton = (name: string) => this.page.getByRole("button", { name: `Remove ${name}` });

  async goto(slug: string) {
    await this.page.goto(`/s/${slug}/members`);
  }

  /** Creates an invitation link (for `role` if given) and returns it as shown. */
  async createInvitation(role?: Role) {
    if (role) await this.invitationRole().selectOption(role);
    await this.createInvitationButton().click();
    return (await this.inviteLink().textContent())!.trim();
  }

  async revokeInvitation(role: Role) {
    await this.page.getByRole("button", { name: `Revoke the ${role} invitation link` }).click();
    await this.page.getByRole("button", { name: "Yes, revoke it" }).click();
  }
}
