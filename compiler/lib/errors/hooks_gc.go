//go:build !refgo

package errors

import "reflect"

var errorType = reflect.TypeOf((*error)(nil)).Elem()

func targetKind(target any) int {
	v := reflect.ValueOf(target)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return 1
	}
	e := v.Type().Elem()
	if e.Kind() != reflect.Interface && !e.Implements(errorType) {
		return 2
	}
	return 0
}

func assignTo(target any, err error) bool {
	v := reflect.ValueOf(target).Elem()
	if !reflect.TypeOf(err).AssignableTo(v.Type()) {
		return false
	}
	v.Set(reflect.ValueOf(err))
	return true
}
