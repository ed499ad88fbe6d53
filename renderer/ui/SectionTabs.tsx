import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/roles';

export interface SectionTab {
  to: string;
  /** i18n key of the tab's label. */
  label: string;
  roles: readonly Role[];
  end?: boolean;
}

/** The money section: the cash book, the till, grants/budget/rent and the cash flow. */
export const MONEY_TABS: readonly SectionTab[] = [
  { to: '/cashbook', label: 'common:sections.cashbook', roles: ['treasurer', 'admin'] },
  { to: '/till', label: 'common:sections.till', roles: ['frontdesk', 'treasurer', 'admin'] },
  { to: '/funding', label: 'common:sections.funding', roles: ['treasurer', 'admin'] },
  { to: '/cashflow', label: 'common:sections.cashflow', roles: ['treasurer', 'admin'] },
];

/** The admin section: users, the audit log, privacy, backups. */
export const ADMIN_TABS: readonly SectionTab[] = [
  { to: '/admin/users', label: 'common:sections.users', roles: ['admin'] },
  { to: '/admin/audit', label: 'common:sections.audit', roles: ['admin'] },
  { to: '/admin/privacy', label: 'common:sections.privacy', roles: ['admin'] },
  { to: '/backups', label: 'common:sections.backups', roles: ['admin'] },
];

/** A row of tabs under a section's heading; shows only the tabs the user's role may open. */
export function SectionTabs({ tabs, role, label }: { tabs: readonly SectionTab[]; role: Role; label: string }) {
  const { t } = useTranslation();
  const visible = tabs.filter((tab) => tab.roles.includes(role));
  if (visible.length < 2) return null;
  return (
    <nav className="section-tabs" aria-label={label}>
      {visible.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end ?? false}>
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}
