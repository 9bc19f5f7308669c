export { default } from '../../../../messages/staff/nl.json';
