// Facility import and form error codes → Dutch/English text. Codes travel in fail() payloads.
import { m as sm } from '$lib/paraglide-staff/messages.js';

const reasons: Record<string, () => string> = {
	required: sm.staff_facilities_reason_required,
	too_long: sm.staff_facilities_reason_too_long,
	gemeente: sm.staff_facilities_reason_gemeente,
	category: sm.staff_facilities_reason_category,
	number: sm.staff_facilities_reason_number,
	outside_nl: sm.staff_facilities_reason_outside_nl,
	hours: sm.staff_facilities_reason_hours,
	exceptions: sm.staff_facilities_reason_exceptions,
	date: sm.staff_facilities_reason_date,
	phone: sm.staff_facilities_reason_phone,
	website: sm.staff_facilities_reason_website,
	email: sm.staff_facilities_reason_email,
	language: sm.staff_facilities_reason_language,
	yes_no: sm.staff_facilities_reason_yes_no,
	cost: sm.staff_facilities_reason_cost,
	unknown_id: sm.staff_facilities_reason_unknown_id,
	unknown_column: sm.staff_facilities_reason_unknown_column,
	missing_column: sm.staff_facilities_reason_missing_column,
	cells: sm.staff_facilities_reason_cells,
	geometry: sm.staff_facilities_reason_geometry
};

const fileErrors: Record<string, () => string> = {
	no_file: sm.staff_facilities_file_no_file,
	too_large: sm.staff_facilities_file_too_large,
	encoding: sm.staff_facilities_file_encoding,
	empty: sm.staff_facilities_file_empty,
	too_many_rows: sm.staff_facilities_file_too_many_rows,
	format: sm.staff_facilities_file_format,
	column: sm.staff_facilities_file_column,
	missing_column: sm.staff_facilities_file_missing_column,
	rows: sm.staff_facilities_import_refused
};

export function reasonText(code: string): string {
	return (reasons[code] ?? sm.staff_error_generic)();
}

export function fileErrorText(code: string): string {
	return (fileErrors[code] ?? sm.staff_error_generic)();
}
