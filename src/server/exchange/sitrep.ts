import { create } from 'xmlbuilder2';
import { type ReportVersion, type Severity, edxlDateTime } from './mapping.ts';

type XMLBuilder = ReturnType<typeof create>;

export const SITREP_NS = 'urn:oasis:names:tc:emergency:EDXL:SitRep:1.0';
const CT_NS = 'urn:oasis:names:tc:emergency:edxl:ct:1.0';
const XNL_NS = 'urn:oasis:names:tc:emergency:edxl:ciq:1.0:xnl';
const XPIL_NS = 'urn:oasis:names:tc:emergency:edxl:ciq:1.0:xpil';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface SitRepPerson {
  name: string;
  role: string;
  /** ISO-8601 UTC. */
  at: string;
}

export interface SitRep {
  messageId: string;
  preparedBy: SitRepPerson;
  authorizedBy: SitRepPerson;
  purpose: string;
  number: number;
  version: ReportVersion;
  period: { from: string; to: string };
  title: string;
  /** The standard allows the incident's name as well as its identifier: both are given. */
  incidentIds: string[];
  confidence: 'HighlyConfident' | 'SomewhatConfident';
  severity: Severity;
  body: { type: 'ManagementReportingSummary' | 'SituationInformation'; remarks: string };
}

/** One EDXL-SitRep 1.0 document; element order as in the standard (and our XSD). */
export function sitRepXml(sitRep: SitRep): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(SITREP_NS, 'sr:sitRep', {
    'xmlns:ct': CT_NS,
    'xmlns:xnl': XNL_NS,
    'xmlns:xpil': XPIL_NS,
    'xmlns:xsi': XSI_NS,
  });
  const sr = (parent: XMLBuilder, name: string, text: string | number) =>
    parent.ele(SITREP_NS, `sr:${name}`).txt(String(text));
  sr(root, 'messageID', sitRep.messageId);
  person(root.ele(SITREP_NS, 'sr:preparedBy'), sitRep.preparedBy);
  person(root.ele(SITREP_NS, 'sr:authorizedBy'), sitRep.authorizedBy);
  sr(root, 'reportPurpose', sitRep.purpose);
  sr(root, 'reportNumber', sitRep.number);
  sr(root, 'reportVersion', sitRep.version);
  const period = root.ele(SITREP_NS, 'sr:forTimePeriod');
  period.ele(CT_NS, 'ct:fromDateTime').txt(edxlDateTime(sitRep.period.from));
  period.ele(CT_NS, 'ct:toDateTime').txt(edxlDateTime(sitRep.period.to));
  sr(root, 'reportTitle', sitRep.title);
  for (const incidentId of sitRep.incidentIds) sr(root, 'incidentID', incidentId);
  sr(root, 'reportConfidence', sitRep.confidence);
  sr(root, 'severity', sitRep.severity);
  const report = root
    .ele(SITREP_NS, 'sr:report')
    .att(XSI_NS, 'xsi:type', `sr:${sitRep.body.type}Type`);
  sr(report, 'remarks', sitRep.body.remarks);
  return doc.end({ prettyPrint: true });
}

function person(pair: XMLBuilder, who: SitRepPerson): void {
  const details = pair.ele(CT_NS, 'ct:personDetails');
  details.ele(XNL_NS, 'xnl:personName').ele(XNL_NS, 'xnl:nameElement').txt(who.name);
  details
    .ele(XPIL_NS, 'xpil:occupations')
    .ele(XPIL_NS, 'xpil:occupation')
    .ele(XPIL_NS, 'xpil:occupationElement')
    .att(XPIL_NS, 'xpil:type', 'Role')
    .txt(who.role);
  pair.ele(CT_NS, 'ct:timeValue').txt(edxlDateTime(who.at));
}
