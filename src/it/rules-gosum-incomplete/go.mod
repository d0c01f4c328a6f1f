module example.com/rules-gosum-incomplete

go 1.22

require github.com/google/uuid v1.6.0
