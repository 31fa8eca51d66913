import type { Kysely } from 'kysely';
import type { AccessTables } from '../access/tables.ts';
import type { AlertsTables } from '../alerts/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { AuthTables } from '../auth/tables.ts';
import type { EventsTables } from '../events/tables.ts';
import type { EventUnitsTables } from '../event-units/tables.ts';
import type { ActionsTables } from '../actions/tables.ts';
import type { CommunicationTables } from '../communication/tables.ts';
import type { DecisionsTables } from '../decisions/tables.ts';
import type { MfaTables } from '../mfa/tables.ts';
import type { MilestonesTables } from '../milestones/tables.ts';
import type { LogTables } from '../log/tables.ts';
import type { MeetingsTables } from '../meetings/tables.ts';
import type { RisksTables } from '../risks/tables.ts';
import type { DiversionsTables } from '../diversions/tables.ts';
import type { FiguresTables } from '../figures/tables.ts';
import type { ReadinessTables } from '../readiness/tables.ts';
import type { ScalesTables } from '../scales/tables.ts';
import type { ReturnFormsTables } from '../return-forms/tables.ts';
import type { SituationsTables } from '../situations/tables.ts';
import type { SetupsTables } from '../setups/tables.ts';
import type { SsoTables } from '../sso/tables.ts';
import type { SearchTables } from '../search/tables.ts';
import type { TemplatesTables } from '../templates/tables.ts';
import type { ReportsTables } from '../reports/tables.ts';
import type { ReviewTables } from '../review/tables.ts';
import type { DistributionTables } from '../distribution/tables.ts';
import type { FeedsTables } from '../feeds/tables.ts';
import type { FilesTables } from '../files/tables.ts';
import type { UnitsTables } from '../units/tables.ts';
import type { UsersTables } from '../users/tables.ts';

/** The whole database, assembled from the tables each capability owns (one line each). */
// prettier-ignore
export interface Schema
  extends UsersTables,
    EventsTables,
    UnitsTables,
    EventUnitsTables,
    AccessTables,
    AuthTables,
    MfaTables,
    AuditTables,
    DecisionsTables,
    MilestonesTables,
    ActionsTables,
    RisksTables,
    LogTables,
    CommunicationTables,
    FiguresTables,
    DiversionsTables,
    ReadinessTables,
    SituationsTables,
    ScalesTables,
    ReturnFormsTables,
    SearchTables,
    TemplatesTables,
    ReportsTables,
    DistributionTables,
    ReviewTables,
    MeetingsTables,
    FeedsTables,
    FilesTables,
    SsoTables,
    SetupsTables,
    AlertsTables {}

export type Db = Kysely<Schema>;
