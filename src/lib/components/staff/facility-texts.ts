// Facility import and form error codes → Dutch/English text. Codes travel in fail() payloads.
import type { StaffKey, StaffTexts } from '$lib/i18n/staff';

const reasons: Record<string, StaffKey> = {
	required: 'staff_facilities_reason_required',
	too_long: 'staff_facilities_reason_too_long',
	gemeente: 'staff_facilities_reason_gemeente',
	category: 'staff_facilities_reason_category',
	number: 'staff_facilities_reason_number',
	outside_nl: 'staff_facilities_reason_outside_nl',
	hours: 'staff_facilities_reason_hours',
	exceptions: 'staff_facilities_reason_exceptions',
	date: 'staff_facilities_reason_date',
	phone: 'staff_facilities_reason_phone',
	website: 'staff_facilities_reason_website',
	email: 'staff_facilities_reason_email',
	language: 'staff_facilities_reason_language',
	yes_no: 'staff_facilities_reason_yes_no',
	cost: 'staff_facilities_reason_cost',
	unknown_id: 'staff_facilities_reason_unknown_id',
	unknown_column: 'staff_facilities_reason_unknown_column',
	missing_column: 'staff_facilities_reason_missing_column',
	cells: 'staff_facilities_reason_cells',
	geometry: 'staff_facilities_reason_geometry'
};

const fileErrors: Record<string, StaffKey> = {
	no_file: 'staff_facilities_file_no_file',
	too_large: 'staff_facilities_file_too_large',
	encoding: 'staff_facilities_file_encoding',
	empty: 'staff_facilities_file_empty',
	too_many_rows: 'staff_facilities_file_too_many_rows',
	format: 'staff_facilities_file_format',
	column: 'staff_facilities_file_column',
	missing_column: 'staff_facilities_file_missing_column',
	rows: 'staff_facilities_import_refused'
};

export function reasonText(st: StaffTexts, code: string): string {
	return st[Object.hasOwn(reasons, code) ? reasons[code] : 'staff_error_generic'];
}

export function fileErrorText(st: StaffTexts, code: string): string {
	return st[Object.hasOwn(fileErrors, code) ? fileErrors[code] : 'staff_error_generic'];
}
