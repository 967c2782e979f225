import type { Service } from '@gezinsplan/domain';
import i18n from '../../i18n';
import { lifeDomainName } from '../family/PlanView';

type Facts = Pick<Service, 'minimumAge' | 'maximumAge' | 'waitWeeks' | 'needsMunicipalDecision'>;

/** For whom by age, in words. */
export function agesText(s: Pick<Service, 'minimumAge' | 'maximumAge'>): string {
  if (s.minimumAge !== null && s.maximumAge !== null) return i18n.t('services.ages.both', { min: s.minimumAge, max: s.maximumAge });
  if (s.minimumAge !== null) return i18n.t('services.ages.min', { min: s.minimumAge });
  if (s.maximumAge !== null) return i18n.t('services.ages.max', { max: s.maximumAge });
  return i18n.t('services.ages.none');
}

/** How long the wait is and whether the municipality must decide first; empty when neither is known. */
export function accessText(s: Pick<Facts, 'waitWeeks' | 'needsMunicipalDecision'>): string {
  const wait = s.waitWeeks === null ? null : s.waitWeeks === 0 ? i18n.t('services.wait.none') : i18n.t('services.wait.some', { count: s.waitWeeks });
  return [wait, s.needsMunicipalDecision ? i18n.t('services.decision') : null].filter(Boolean).join(' · ');
}

/** What a professional weighs first: for whom, how long the wait, whether the municipality must decide. */
export function serviceFacts(s: Facts): string {
  return [agesText(s), accessText(s)].filter(Boolean).join(' · ');
}

export function domainsText(codes: readonly string[]): string {
  return codes.map(lifeDomainName).join(', ');
}
