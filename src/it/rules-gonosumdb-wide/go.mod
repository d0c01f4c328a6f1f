module example.com/rules-gonosumdb-wide

go 1.22

require github.com/google/uuid v1.6.0
