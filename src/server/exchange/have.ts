import { create } from 'xmlbuilder2';
import type { EmsTrafficStatus, FacilityStatus } from './mapping.ts';

export const HAVE_NS = 'urn:oasis:names:tc:emergency:EDXL:HAVE:1.0';
const XNL_NS = 'urn:oasis:names:tc:ciq:xnl:3';

export interface BedCapacity {
  status: 'VacantAvailable' | 'NotAvailable';
  available: number | null;
  baseline: number | null;
  comment: string;
}

export interface HospitalStatus {
  organisationName: string;
  facilityName: string;
  emsTraffic: { status: EmsTrafficStatus; reason: string | null };
  facilityStatus: FacilityStatus;
  beds: BedCapacity | null;
  /** ISO-8601 UTC. */
  lastUpdate: string;
}

/** One EDXL-HAVE 1.0 HospitalStatus document; element order as in the standard (and our XSD). */
export function haveXml(hospitals: HospitalStatus[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(HAVE_NS, 'have:HospitalStatus', { 'xmlns:xnl': XNL_NS });
  const ele = (parent: typeof root, name: string) => parent.ele(HAVE_NS, `have:${name}`);
  for (const hospital of hospitals) {
    const node = ele(root, 'Hospital');
    const organisation = ele(ele(node, 'Organization'), 'OrganizationInformation').ele(
      XNL_NS,
      'xnl:OrganisationName',
    );
    organisation.ele(XNL_NS, 'xnl:NameElement').txt(hospital.organisationName);
    organisation.ele(XNL_NS, 'xnl:SubDivisionName').txt(hospital.facilityName);
    const traffic = ele(ele(node, 'EmergencyDepartmentStatus'), 'EMSTraffic');
    ele(traffic, 'EMSTrafficStatus').txt(hospital.emsTraffic.status);
    if (hospital.emsTraffic.reason)
      ele(traffic, 'EMSTrafficReason').txt(hospital.emsTraffic.reason);
    ele(ele(node, 'HospitalFacilityStatus'), 'FacilityStatus').txt(hospital.facilityStatus);
    if (hospital.beds) {
      const bed = ele(ele(node, 'HospitalBedCapacityStatus'), 'BedCapacity');
      ele(bed, 'BedType').txt('MedicalSurgical');
      const capacity = ele(bed, 'Capacity');
      ele(capacity, 'CapacityStatus').txt(hospital.beds.status);
      if (hospital.beds.available !== null)
        ele(capacity, 'AvailableCount').txt(String(hospital.beds.available));
      if (hospital.beds.baseline !== null)
        ele(capacity, 'BaselineCount').txt(String(hospital.beds.baseline));
      ele(bed, 'CommentText').txt(hospital.beds.comment);
    }
    ele(node, 'LastUpdateTime').txt(new Date(hospital.lastUpdate).toISOString());
  }
  return doc.end({ prettyPrint: true });
}
